package dev.sky4j.agent.ssh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.forward.TcpipServerChannel;

/**
 * Counts live SSH activity for autostop: every open channel of any kind (shell, exec, SFTP,
 * port forward) keeps the node busy, not only PTYs (SkyPilot's PTY-only check misses VS Code
 * Remote-SSH and {@code ssh -N -L}). So does a user's authenticated connection with no channel
 * open: {@code ssh -N -L 8888:...} opens a channel only when something connects to the forward,
 * yet the user clearly holds the machine. Two things do not count: a connection from sky4j's own
 * control client (it announces itself with {@link #CONTROL_CLIENT} in its SSH version string; it
 * keeps warm, pooled connections that must not keep a node awake), and a forward to the agent's
 * own control port (that is the server asking about idleness).
 */
public final class SessionTracker
    implements SessionListener, ChannelListener, dev.sky4j.agent.autostop.SshActivity {
  /** The marker in the SSH client version of sky4j's control connections. */
  public static final String CONTROL_CLIENT = "sky4j-control";

  private final int controlPort;
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private final Set<Channel> active = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastActivity = new AtomicLong(System.currentTimeMillis());

  public SessionTracker(int controlPort) {
    this.controlPort = controlPort;
  }

  @Override
  public void sessionCreated(Session session) {
    sessions.add(session);
  }

  @Override
  public void sessionEvent(Session session, Event event) {
    if (event == Event.Authenticated && isUser(session)) {
      touch();
    }
  }

  @Override
  public void sessionClosed(Session session) {
    if (sessions.remove(session) && isUser(session)) {
      touch();
    }
  }

  @Override
  public void channelOpenSuccess(Channel channel) {
    if (!isControlForward(channel)) {
      active.add(channel);
      touch();
    }
  }

  @Override
  public void channelClosed(Channel channel, Throwable reason) {
    if (active.remove(channel)) {
      touch();
    }
  }

  private boolean isControlForward(Channel channel) {
    if (channel instanceof TcpipServerChannel t) {
      SshdSocketAddress exit = t.getTunnelExit();
      return exit != null && exit.getPort() == controlPort;
    }
    return false;
  }

  private static boolean isUser(Session s) {
    String v = s.getClientVersion();
    return s.isAuthenticated() && (v == null || !v.contains(CONTROL_CLIENT));
  }

  private void touch() {
    lastActivity.set(System.currentTimeMillis());
  }

  /** Every open connection, authenticated or not, control or user. */
  public int connections() {
    return sessions.size();
  }

  /** Authenticated connections of users (not sky4j's control client). */
  @Override
  public int userSessions() {
    return (int) sessions.stream().filter(SessionTracker::isUser).count();
  }

  @Override
  public int activeChannels() {
    return active.size();
  }

  /** Now while a channel or a user connection is open, else when the last one closed. */
  @Override
  public long lastActivityMillis() {
    return active.isEmpty() && userSessions() == 0 ? lastActivity.get() : System.currentTimeMillis();
  }
}
