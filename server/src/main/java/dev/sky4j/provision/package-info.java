/**
 * The provider SPI: the verbs every cloud implements ({@link dev.sky4j.provision.Provider}), the
 * optional {@link dev.sky4j.provision.Capability capabilities}, and the records and typed errors
 * they exchange. Clouds are found through {@link dev.sky4j.provision.ProviderFactory} and
 * {@link java.util.ServiceLoader}: subpackage {@code local} here, {@code aws} in the aws module,
 * which the server never imports. May depend on core, {@code paths} and {@code requests}
 * (a bootstrap writes progress into the request's log).
 */
package dev.sky4j.provision;
