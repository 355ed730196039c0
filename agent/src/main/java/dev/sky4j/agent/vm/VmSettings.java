package dev.sky4j.agent.vm;

import dev.sky4j.agent.NodeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The VM-mode keys of {@code node.properties} (kept apart from {@link NodeConfig}, which the
 * local cloud writes). {@code sshActivityAddress}: only SSH connections to this local address
 * count (the simulator, where every VM shares one network namespace); empty counts every local
 * address. {@code shutdownCommand}: how the machine powers itself off.
 */
public record VmSettings(boolean vm, String sshActivityAddress, List<String> shutdownCommand) {
  public static final List<String> DEFAULT_SHUTDOWN = List.of("sudo", "-n", "shutdown", "-h", "now");
  public static final VmSettings LOCAL = new VmSettings(false, "", DEFAULT_SHUTDOWN);

  public static VmSettings read(Path home) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(NodeConfig.agentDir(home).resolve(NodeConfig.FILE))) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return LOCAL;
    }
    String cmd = p.getProperty("shutdownCommand", "").strip();
    return new VmSettings(Boolean.parseBoolean(p.getProperty("vm", "false")),
        p.getProperty("sshActivityAddress", "").strip(),
        cmd.isEmpty() ? DEFAULT_SHUTDOWN : List.of(cmd.split("\\s+")));
  }
}
