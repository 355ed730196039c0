/**
 * The one validator ({@link dev.sky4j.spec.validate.Validator}): structure against the field
 * model, value rules (accelerators, sizes, infra, ports, hooks, service, ...), and catalog-aware
 * checks, run on the document after SkyPilot's env substitution
 * ({@link dev.sky4j.spec.EnvSubstitution}); catalog findings of a request's options are merged
 * by {@link dev.sky4j.spec.validate.OptionVerdicts}.
 * Also the shared parsers of those values ({@link dev.sky4j.spec.validate.AcceleratorSyntax},
 * {@link dev.sky4j.spec.validate.Quantities}, {@link dev.sky4j.spec.validate.InfraSpec}). May depend
 * on {@code dev.sky4j.spec}, its yaml/schema subpackages and {@code dev.sky4j.catalog}.
 */
package dev.sky4j.spec.validate;
