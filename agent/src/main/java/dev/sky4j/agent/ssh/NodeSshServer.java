package dev.sky4j.agent.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import org.apache.sshd.common.file.FileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * The node's sshd: public-key auth only (the user's key from {@code ~/.sky4j/keys}), commands
 * through {@code /bin/sh -c} in the node home, SFTP (so scp/rsync-over-sftp and VS Code work),
 * and TCP forwarding (so the controller reaches the agent through a tunnel). The host key is
 * kept in the node's agent folder so it survives stop/start like a VM's.
 */
public final class NodeSshServer implements AutoCloseable {
  private final SshServer sshd;

  public NodeSshServer(
      String bindAddress, int port, Path home, Path agentDir, Path authorizedKeys,
      SessionTracker tracker) throws IOException {
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost(bindAddress);
    sshd.setPort(port);
    // interactive round trips: without it Nagle + delayed ACK add ~40 ms per exchange
    CoreModuleProperties.TCP_NODELAY.set(sshd, true);
    sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(agentDir.resolve("ssh_host_key")));
    sshd.setPublickeyAuthenticator(new AuthorizedKeysAuthenticator(authorizedKeys));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setCommandFactory((channel, command) -> new ShellCommand(List.of("/bin/sh", "-c", command), home));
    String shell = Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh";
    sshd.setShellFactory(channel -> new ShellCommand(List.of(shell, "-i"), home));
    // the real filesystem, with SFTP's default folder at the node home (like a VM user's home)
    sshd.setFileSystemFactory(new FileSystemFactory() {
      @Override
      public Path getUserHomeDir(SessionContext session) {
        return home;
      }

      @Override
      public FileSystem createFileSystem(SessionContext session) {
        return FileSystems.getDefault();
      }
    });
    sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    sshd.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
    sshd.addSessionListener(tracker);
    sshd.addChannelListener(tracker);
    sshd.start();
  }

  public int port() {
    return sshd.getPort();
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }
}
