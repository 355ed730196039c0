package dev.sky4j.provision.aws;

import dev.sky4j.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Host resolution in the simulator (contract §4): with {@code SKY4J_AWS_SIM_HOSTS} (or the system
 * property {@code sky4j.aws.sim.hosts}) set, the addresses EC2 hands out are never dialled; the
 * simulator's {@code hosts.json} says where each instance's sshd answers and what its internal
 * address is. The file may lag a new instance by a second or two: callers poll.
 */
final class SimHosts {
  /** Where one simulated VM answers. */
  record Host(String sshHost, int sshPort, String internalIp) {}

  private final Path file;

  private SimHosts(Path file) {
    this.file = file;
  }

  /** The simulator's hosts file, or null when running against a real EC2. */
  static SimHosts fromEnvironment() {
    String p = System.getProperty("sky4j.aws.sim.hosts", System.getenv("SKY4J_AWS_SIM_HOSTS"));
    return p == null || p.isBlank() ? null : new SimHosts(Path.of(p));
  }

  static SimHosts at(Path file) {
    return new SimHosts(file);
  }

  /** The instance's host, or null while the simulator has not written it (yet). */
  Host get(String instanceId) {
    Map<String, Object> all;
    try {
      all = Json.parseObject(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      return null; // not written yet, or being replaced
    }
    if (!(all.get(instanceId) instanceof Map<?, ?> h) || !(h.get("ssh_host") instanceof String host)) {
      return null;
    }
    int port = h.get("ssh_port") instanceof Number n ? n.intValue() : 22;
    String internal = h.get("internal_ip") instanceof String s ? s : host;
    return new Host(host, port, internal);
  }
}
