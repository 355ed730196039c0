/**
 * JMH benchmarks (run with {@code bench/run-jmh.sh}); figures go to docs/benchmarks.md. May depend
 * on any product module; nothing may depend on this one.
 */
package dev.sky4j.bench;
