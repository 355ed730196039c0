package dev.sky4j.provision.bootstrap;

import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.util.List;

/**
 * PLACEHOLDER on the aws-ec2 branch, with exactly the signature of contract §6, so the AWS
 * provider compiles: the real class (agent + Java runtime over the system's OpenSSH, a service
 * unit, the cluster secret) is written on the simulator branch and replaces this one at merge.
 */
public final class OpenSshBootstrap {
  public OpenSshBootstrap(Sky4jPaths paths) {}

  /** Idempotent install of the agent on every node; returns when each agent answers. */
  public void install(String cluster, List<BootstrapTarget> nodes, RequestLog log)
      throws IOException {
    throw new UnsupportedOperationException("bootstrap lands with the simulator branch");
  }
}
