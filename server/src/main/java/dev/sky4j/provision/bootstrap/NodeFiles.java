package dev.sky4j.provision.bootstrap;

import dev.sky4j.agent.NodeConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The small files a VM node gets: its {@code node.properties} (the local cloud's format plus the
 * VM-mode keys read by {@code agent.vm.VmSettings}) and the systemd unit that starts the agent
 * at every boot as the login user.
 */
final class NodeFiles {
  static final String UNIT = "sky4j-agent.service";

  private NodeFiles() {}

  static String nodeProperties(String cluster, BootstrapTarget node, List<BootstrapTarget> all,
      String remoteHome, double cpus) throws IOException {
    NodeConfig cfg = new NodeConfig(cluster, node.nodeId(), node.rank(), node.internalIp(), 22,
        node.agentPort(), Path.of(remoteHome, ".ssh", "authorized_keys"), "vm", "", "", List.of(),
        "", false, cpus, all.stream().map(n -> n.internalIp() + ":" + n.agentPort()).toList(),
        node.sshUser(), false, 0);
    Path tmp = Files.createTempDirectory("sky4j-node-props");
    try {
      cfg.write(tmp);
      Path f = NodeConfig.agentDir(tmp).resolve(NodeConfig.FILE);
      String text = Files.readString(f).lines().filter(l -> !l.startsWith("#"))
          .reduce("", (a, l) -> a + l + "\n");
      Files.delete(f);
      Files.delete(NodeConfig.agentDir(tmp));
      // Where all VMs share one network (the simulator's loopback addresses), only connections
      // to this node's own address are its SSH activity; on a real VM, any local address is.
      boolean shared = InetAddress.getByName(node.internalIp()).isLoopbackAddress();
      return text + "vm=true\nsshActivityAddress=" + (shared ? node.internalIp() : "") + "\n";
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static String unit(String cluster, String user, String remoteHome, String java) {
    String agentDir = remoteHome + "/" + NodeConfig.AGENT_DIR;
    return "[Unit]\n"
        + "Description=sky4j node agent (cluster " + cluster + ")\n"
        + "After=network-online.target\n\n"
        + "[Service]\n"
        + "User=" + user + "\n"
        + "WorkingDirectory=" + remoteHome + "\n"
        + "ExecStart=" + java + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp " + agentDir
        + "/sky4j-agent.jar dev.sky4j.agent.NodeMain --home " + remoteHome + "\n"
        + "Restart=on-failure\n"
        + "RestartSec=2\n\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }
}
