/**
 * The one JSON codec: {@link dev.sky4j.json.Json} parses and writes (compact for the wire,
 * indented for people) and escapes strings; {@link dev.sky4j.json.RecordBinder} maps parsed values
 * onto records. JDK only, and nothing else in core: the node agent's jar carries just this package.
 */
package dev.sky4j.json;
