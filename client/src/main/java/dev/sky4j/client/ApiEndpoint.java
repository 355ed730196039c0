package dev.sky4j.client;

import java.nio.file.Path;

/**
 * Where this user's API server is and how to authenticate to it, from the environment: the URL is
 * {@code SKY4J_API_URL} (default {@code http://127.0.0.1:46590}, port overridable with
 * {@code SKY4J_API_PORT}); the token is {@code SKY4J_API_TOKEN} when set, else the token file under
 * {@code SKY4J_HOME} (read at each call). Shared by the CLI and the Jupyter kernel.
 */
public final class ApiEndpoint {
  public static final int DEFAULT_PORT = 46590;

  private ApiEndpoint() {}

  public static String url() {
    String url = System.getenv("SKY4J_API_URL");
    if (url != null && !url.isBlank()) {
      return url.trim();
    }
    String port = System.getenv("SKY4J_API_PORT");
    return "http://127.0.0.1:" + (port == null || port.isBlank() ? DEFAULT_PORT : port.trim());
  }

  /** {@code sky4j.home} property, else {@code SKY4J_HOME}, else {@code ~/.sky4j}. */
  public static Path home() {
    String prop = System.getProperty("sky4j.home");
    String env = System.getenv("SKY4J_HOME");
    String v = prop != null && !prop.isBlank() ? prop : env;
    return v == null || v.isBlank() ? Path.of(System.getProperty("user.home"), ".sky4j")
        : Path.of(v).toAbsolutePath();
  }

  public static boolean tokenFromEnvironment() {
    String env = System.getenv("SKY4J_API_TOKEN");
    return env != null && !env.isBlank();
  }

  public static SkyClient client() {
    String env = System.getenv("SKY4J_API_TOKEN");
    TokenSource tokens = tokenFromEnvironment() ? env::trim
        : () -> ApiTokenFile.read(ApiTokenFile.under(home()));
    return new SkyClient(url(), tokens);
  }
}
