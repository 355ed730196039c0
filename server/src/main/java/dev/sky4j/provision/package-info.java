/**
 * The provider SPI: the verbs every cloud implements ({@link dev.sky4j.provision.Provider}) and
 * the records and typed errors they exchange. Subpackages hold one cloud each ({@code local},
 * later {@code aws}). May depend on core only.
 */
package dev.sky4j.provision;
