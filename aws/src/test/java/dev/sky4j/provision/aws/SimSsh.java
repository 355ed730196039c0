package dev.sky4j.provision.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The system's OpenSSH client against a simulated VM, as a user at a terminal would use it. */
record SimSsh(AwsSimulator.SimHost host, String user, Path key) {
  record Result(int exit, String output) {}

  private List<String> base(String... extra) {
    List<String> cmd = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-p",
        Integer.toString(host.sshPort()), "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
        "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
        "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=5"));
    cmd.addAll(List.of(extra));
    cmd.add(user + "@" + host.sshHost());
    return cmd;
  }

  Result run(String command) throws IOException, InterruptedException {
    List<String> cmd = base();
    cmd.add(command);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(124, out);
    }
    return new Result(p.exitValue(), out.strip());
  }

  /** The exit code only; for polling in conditions (failures to connect are a non-zero code). */
  int run0(String command) {
    try {
      return run(command).exit();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  /** {@code command} on the node, running until destroyed (or the node goes down). */
  Process hold(String command) throws IOException {
    List<String> cmd = base();
    cmd.add(command);
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** {@code ssh -N -L local:target}: a port forward and nothing else, held until destroyed. */
  Process forward(int localPort, String target) throws IOException {
    return new ProcessBuilder(base("-N", "-o", "ExitOnForwardFailure=yes",
        "-L", "127.0.0.1:" + localPort + ":" + target))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  static Path newKey(Path dir) throws IOException, InterruptedException {
    Path key = dir.resolve("id_ed25519");
    Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f",
        key.toString()).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    if (p.waitFor() != 0) {
      throw new IOException("ssh-keygen failed");
    }
    return key;
  }
}
