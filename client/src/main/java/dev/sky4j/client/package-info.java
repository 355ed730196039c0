/**
 * The Java client of the sky4j API server: {@link dev.sky4j.client.SkyClient} (blocking calls and
 * SSE log following with resume). JDK only, and only {@code java.net.HttpURLConnection}: the
 * {@code java.net.http} client costs about half a second of start-up, which the CLI's latency
 * budget cannot pay. May depend on nothing but the JDK.
 */
package dev.sky4j.client;
