package dev.sky4j.agent.vm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's TCP socket table ({@code /proc/net/tcp} and {@code tcp6}): local address and
 * port, and whether the connection is established. Addresses there are hex in host (little
 * endian) byte order, per 32-bit word; an IPv4-mapped IPv6 address comes back as IPv4.
 */
public final class ProcNetTcp {
  /** {@code st} of an established connection in the kernel's table. */
  static final String ESTABLISHED = "01";

  public record Socket(InetAddress local, int localPort, boolean established) {}

  private ProcNetTcp() {}

  public static List<Socket> read(Path procNet) throws IOException {
    List<Socket> out = new ArrayList<>();
    for (String name : new String[] {"tcp", "tcp6"}) {
      List<String> lines;
      try {
        lines = Files.readAllLines(procNet.resolve(name));
      } catch (NoSuchFileException e) {
        continue; // no IPv6 on this machine
      }
      for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
        Socket s = parse(line);
        if (s != null) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** One row ({@code sl local_address rem_address st ...}), or null when it is not one. */
  static Socket parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 4 || f[1].indexOf(':') < 0) {
      return null;
    }
    String[] local = f[1].split(":");
    try {
      return new Socket(address(local[0]), Integer.parseInt(local[1], 16), ESTABLISHED.equals(f[3]));
    } catch (NumberFormatException | UnknownHostException e) {
      return null;
    }
  }

  static InetAddress address(String hex) throws UnknownHostException {
    byte[] b = new byte[hex.length() / 2];
    for (int word = 0; word < b.length / 4; word++) {
      for (int i = 0; i < 4; i++) { // each 32-bit word is little endian
        int at = word * 8 + (3 - i) * 2;
        b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    return InetAddress.getByAddress(b);
  }
}
