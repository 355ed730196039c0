/**
 * Where sky4j's files live ({@code SKY4J_HOME}, keys, generated SSH config, local-cloud node
 * homes) and how to show a path portably ({@code ~/...}). Depends on the JDK only.
 */
package dev.sky4j.paths;
