package dev.sky4j.ssh;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local end of a tunnel: a loopback listener that remembers the connections it accepted, so
 * they can be cut when the SSH transport under them dies. sshj's forwarder closes a forwarded
 * socket only once both copy directions end; a client waiting for its answer never ends its own
 * direction, so without this an HTTP call through a dead tunnel would wait for its read timeout
 * (an hour for a teardown) instead of failing at once.
 */
final class TrackedServerSocket extends ServerSocket {
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  TrackedServerSocket() throws IOException {
    setReuseAddress(true);
    bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * sshj's forwarder loops on {@code accept()} until its thread is interrupted and swallows the
   * SocketException of a closed listener, so a closed tunnel would spin a core forever (45 idle
   * servers of a kill-point sweep did). A closed listener therefore ends the loop's thread.
   */
  @Override
  public Socket accept() throws IOException {
    Socket s;
    try {
      s = super.accept();
    } catch (SocketException e) {
      if (isClosed()) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
    open.add(s);
    open.removeIf(Socket::isClosed);
    return s;
  }

  /** Stops listening and resets every accepted connection: their readers fail now. */
  void cutAll() {
    try {
      close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      try {
        s.setSoLinger(true, 0); // RST rather than FIN: the reader sees "connection reset"
        s.close();
      } catch (IOException ignored) {
        // already gone
      }
    }
    open.clear();
  }
}
