/**
 * Where sky4j's files live ({@code SKY4J_HOME}, keys, generated SSH config, local-cloud node
 * homes), how to show a path portably ({@code ~/...}), and how a key or secret file is written
 * ({@link dev.sky4j.paths.PrivateFile}: 0600 from the first byte, renamed into place). Depends on
 * the JDK only.
 */
package dev.sky4j.paths;
