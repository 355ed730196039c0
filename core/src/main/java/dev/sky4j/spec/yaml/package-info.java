/**
 * YAML with source positions: {@link dev.sky4j.spec.yaml.YamlReader} turns text into
 * {@link dev.sky4j.spec.yaml.YNode} trees (PyYAML's YAML 1.1 scalar types, duplicate keys and
 * syntax errors as diagnostics). Depends on snakeyaml-engine and {@code dev.sky4j.spec} records only.
 */
package dev.sky4j.spec.yaml;
