/**
 * The JSON codec shared by the client and the server: {@link dev.sky4j.client.json.Json} reads and
 * writes, {@link dev.sky4j.client.json.RecordBinder} maps parsed values onto records. JDK only.
 */
package dev.sky4j.client.json;
