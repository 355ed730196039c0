package dev.sky4j.agent.autostop;

/**
 * A node's SSH activity as autostop sees it. On the local cloud the agent is the node's SSH
 * server and counts sessions and channels itself ({@code agent.ssh.SessionTracker}); on a VM
 * the system's OpenSSH serves SSH and the agent reads its connections from the kernel
 * ({@code agent.vm.OpenSshActivity}).
 */
public interface SshActivity {
  /** Connections of users (what keeps the node busy even with no channel open). */
  int userSessions();

  /** Open channels (shell, exec, SFTP, forwards); 0 where they cannot be seen. */
  int activeChannels();

  /** Now while anything counts as active, else when the last activity ended. */
  long lastActivityMillis();
}
