/**
 * The little JSON core writes without a library: string literals ({@link dev.sky4j.json.JsonText}).
 * JDK only; every other core package may use it.
 */
package dev.sky4j.json;
