package dev.sky4j.agent.ssh;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Remote-SSH and {@code ssh -N -L}). Two things do not count: a connection with no channel (a
 * warm, pooled client connection), and a forward to the agent's own control port (that is the
 * server asking about idleness, which must not keep the node awake).
 */
public final class SessionTracker implements SessionListener, ChannelListener {
  private final int controlPort;
  private final AtomicInteger sessions = new AtomicInteger();
  private final Set<Channel> active = ConcurrentHashMap.newKeySet();
  private final AtomicLong lastActivity = new AtomicLong(System.currentTimeMillis());

  public SessionTracker(int controlPort) {
    this.controlPort = controlPort;
  }

  @Override
  public void sessionCreated(Session session) {
    sessions.incrementAndGet();
  }

  @Override
  public void sessionClosed(Session session) {
    sessions.decrementAndGet();
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

  private void touch() {
    lastActivity.set(System.currentTimeMillis());
  }

  public int connections() {
    return sessions.get();
  }

  public int activeChannels() {
    return active.size();
  }

  /** Now while a channel is open, else when the last one closed. */
  public long lastActivityMillis() {
    return active.isEmpty() ? lastActivity.get() : System.currentTimeMillis();
  }
}
