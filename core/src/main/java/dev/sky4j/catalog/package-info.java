/**
 * The GPU/VM price catalog: the bundled snapshot (resources under {@code builtin/}), overridable by
 * a folder in {@code ~/.sky4j/catalogs/}, loaded lazily on first use. Also the accelerator names
 * SkyPilot knows beyond it ({@link dev.sky4j.catalog.KnownAccelerators}) and which offers host a
 * fractional GPU request ({@link dev.sky4j.catalog.AcceleratorHosts}). Pure data and lookups; may
 * depend on nothing but the JDK.
 */
package dev.sky4j.catalog;
