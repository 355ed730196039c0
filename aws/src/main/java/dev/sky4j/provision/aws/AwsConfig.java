package dev.sky4j.provision.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The {@code aws:} section of {@code ~/.sky4j/config.yaml}, with SkyPilot's key names:
 * {@code vpc_name}, {@code use_internal_ips} (only private addresses; no public IP is requested),
 * {@code ssh_proxy_command} (a string, or a map from region to command), {@code
 * security_group_name}, {@code labels} (tags on every instance), {@code disk_encrypted}, {@code
 * ssh_user} (default {@code ubuntu}).
 */
public record AwsConfig(
    String vpcName,
    boolean useInternalIps,
    Object sshProxyCommand,
    String securityGroupName,
    Map<String, String> labels,
    boolean diskEncrypted,
    String sshUser) {
  public AwsConfig {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    sshUser = sshUser == null ? "ubuntu" : sshUser;
  }

  public static AwsConfig defaults() {
    return new AwsConfig(null, false, null, null, Map.of(), false, null);
  }

  /** The proxy command for {@code region} (null: connect directly). */
  public String proxyCommand(String region) {
    if (sshProxyCommand instanceof String s) {
      return s;
    }
    if (sshProxyCommand instanceof Map<?, ?> m && m.get(region) instanceof String s) {
      return s;
    }
    return null;
  }

  /** Reads the file; a missing file or section means defaults. Bad values say file and key. */
  public static AwsConfig load(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    Object doc = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    if (!(doc instanceof Map<?, ?> top) || !(top.get("aws") instanceof Map<?, ?> aws)) {
      return defaults();
    }
    return new AwsConfig(
        string(file, aws, "vpc_name"),
        bool(file, aws, "use_internal_ips"),
        proxy(file, aws.get("ssh_proxy_command")),
        string(file, aws, "security_group_name"),
        labels(file, aws.get("labels")),
        bool(file, aws, "disk_encrypted"),
        string(file, aws, "ssh_user"));
  }

  private static String string(Path file, Map<?, ?> aws, String key) throws IOException {
    Object v = aws.get(key);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw bad(file, key, "a string");
  }

  private static boolean bool(Path file, Map<?, ?> aws, String key) throws IOException {
    Object v = aws.get(key);
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    throw bad(file, key, "true or false");
  }

  private static Object proxy(Path file, Object v) throws IOException {
    if (v == null || v instanceof String) {
      return v;
    }
    if (v instanceof Map<?, ?> m && m.values().stream().allMatch(x -> x instanceof String)) {
      return Map.copyOf(m);
    }
    throw bad(file, "ssh_proxy_command", "a string, or a map from region to a string");
  }

  private static Map<String, String> labels(Path file, Object v) throws IOException {
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> m)) {
      throw bad(file, "labels", "a map of tag names to values");
    }
    Map<String, String> out = new LinkedHashMap<>();
    m.forEach((k, x) -> out.put(String.valueOf(k), String.valueOf(x)));
    return out;
  }

  private static IOException bad(Path file, String key, String want) {
    return new IOException(file + ": aws." + key + " must be " + want + "; fix it or remove it");
  }
}
