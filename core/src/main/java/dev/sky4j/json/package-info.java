/**
 * The one JSON codec: {@link dev.sky4j.json.Json} parses and writes (compact for the wire,
 * indented for people) and escapes strings; {@link dev.sky4j.json.RecordBinder} maps parsed values
 * onto records. The parser is strict because it reads what arrives over the network (server, agent):
 * nesting capped, escapes, surrogates and numbers checked, UTF-8 decoded strictly ({@link
 * dev.sky4j.json.Json#decodeUtf8}); every refusal is a {@link dev.sky4j.json.JsonException} with
 * an offset or a field name. JDK only, and nothing else in core: the node agent's jar carries just this package.
 */
package dev.sky4j.json;
