package dev.sky4j.provision.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The shell script one {@code ssh} runs on a node to finish an install: the cluster secret
 * arrives on stdin (never on a command line), the small files inline as base64, the runtime and
 * jar were uploaded beside it. Every file lands by rename; the agent restarts only when one of
 * them changed.
 */
final class InstallScript {
  private InstallScript() {}

  static String render(String runtimeSha, String jarSha, boolean ownRuntime, String props,
      String unit) {
    return String.join("\n",
        "set -eu",
        "d=\"$HOME/.sky4j-agent\"; mkdir -p \"$d\"; chmod 700 \"$d\"; changed=0",
        "put() { if ! cmp -s \"$1\" \"$2\"; then mv \"$1\" \"$2\"; changed=1; else rm -f \"$1\"; fi; }",
        "umask 077; cat > \"$d/agent-secret.new\"; put \"$d/agent-secret.new\" \"$d/agent-secret\"; umask 022",
        "if [ -f ~/.sky4j-runtime.tar.gz ]; then rm -rf \"$d/jre.new\"; mkdir \"$d/jre.new\";"
            + " tar -xzf ~/.sky4j-runtime.tar.gz -C \"$d/jre.new\"; rm -rf \"$d/jre\";"
            + " mv \"$d/jre.new\" \"$d/jre\"; rm -f ~/.sky4j-runtime.tar.gz;"
            + " echo " + runtimeSha + " > \"$d/runtime.sha\"; changed=1; fi",
        ownRuntime ? ":" : "command -v java >/dev/null || { sudo -n apt-get update -q"
            + " && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y -q"
            + " openjdk-17-jre-headless; }",
        "if [ -f ~/.sky4j-agent.jar.new ]; then mv ~/.sky4j-agent.jar.new \"$d/sky4j-agent.jar\";"
            + " echo " + jarSha + " > \"$d/jar.sha\"; changed=1; fi",
        "echo " + b64(props) + " | base64 -d > \"$d/node.properties.new\"; put \"$d/node.properties.new\" \"$d/node.properties\"",
        "echo " + b64(unit) + " | base64 -d > \"$d/unit.new\"",
        "if ! sudo -n cmp -s \"$d/unit.new\" /etc/systemd/system/" + NodeFiles.UNIT + "; then"
            + " sudo -n cp \"$d/unit.new\" /etc/systemd/system/" + NodeFiles.UNIT + ";"
            + " sudo -n systemctl daemon-reload; changed=1; fi; rm -f \"$d/unit.new\"",
        "sudo -n systemctl enable " + NodeFiles.UNIT + " >/dev/null",
        "if [ $changed = 1 ]; then sudo -n systemctl restart " + NodeFiles.UNIT + ";"
            + " else sudo -n systemctl start " + NodeFiles.UNIT + "; fi",
        "");
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
