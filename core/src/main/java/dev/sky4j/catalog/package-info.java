/**
 * The GPU/VM price catalog: the bundled snapshot (resources under {@code builtin/}), overridable by
 * a folder in {@code ~/.sky4j/catalogs/}, loaded lazily on first use, one cloud at a time. Prices
 * come from {@code <cloud>.csv}; {@code offerings/} adds every instance type the cloud has, unpriced
 * ({@link dev.sky4j.catalog.Offerings}). {@link dev.sky4j.catalog.SkyPilotVms} and
 * {@link dev.sky4j.catalog.CatalogInstall} read SkyPilot's published files and swap them into the
 * override folder ({@code sky catalog refresh}). Also the accelerator names SkyPilot knows beyond
 * it ({@link dev.sky4j.catalog.KnownAccelerators}) and which offers host a fractional GPU request
 * ({@link dev.sky4j.catalog.AcceleratorHosts}). Pure data, lookups and those catalog files; may
 * depend on nothing but the JDK.
 */
package dev.sky4j.catalog;
