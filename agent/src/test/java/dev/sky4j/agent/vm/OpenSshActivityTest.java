package dev.sky4j.agent.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** VM-mode SSH activity from the real kernel socket table of this machine. */
class OpenSshActivityTest {
  @Test
  void parsesTheKernelsHexAddressesInHostByteOrder() throws Exception {
    ProcNetTcp.Socket v4 = ProcNetTcp.parse(
        "   0: 0100FB7F:0016 0100007F:A2C4 01 00000000:00000000 00:00000000 00000000     0");
    assertThat(v4.local()).isEqualTo(InetAddress.getByName("127.251.0.1"));
    assertThat(v4.localPort()).isEqualTo(22);
    assertThat(v4.established()).isTrue();
    ProcNetTcp.Socket mapped = ProcNetTcp.parse("   1: 0000000000000000FFFF00000100FB7F:0016 "
        + "0000000000000000FFFF00000100007F:A2C4 0A 00000000:00000000 00:00000000 00000000 0");
    assertThat(mapped.local()).isEqualTo(InetAddress.getByName("127.251.0.1"));
    assertThat(mapped.established()).isFalse();
    assertThat(ProcNetTcp.parse("  sl  local_address rem_address   st tx_queue")).isNull();
  }

  @Test
  void anEstablishedConnectionToTheSshPortOnThisAddressIsActivityAndItsEndStartsTheIdleClock()
      throws Exception {
    InetAddress mine = InetAddress.getByName("127.251.200.7");
    InetAddress other = InetAddress.getByName("127.251.200.8");
    try (ServerSocket sshd = new ServerSocket(0, 5, mine);
        ServerSocket otherSshd = new ServerSocket(sshd.getLocalPort(), 5, other)) {
      int port = sshd.getLocalPort();
      OpenSshActivity activity = new OpenSshActivity(Path.of("/proc/net"), port, mine,
          new ControlSessions(Path.of("/nonexistent"), Path.of("/proc")));
      assertThat(activity.userSessions()).isZero();
      try (Socket toOther = new Socket(other, port)) {
        assertThat(activity.userSessions()).as("another VM's sshd is not this node's").isZero();
      }
      long before = System.currentTimeMillis();
      Socket client = new Socket();
      client.connect(new InetSocketAddress(mine, port));
      try (Socket accepted = sshd.accept()) {
        assertThat(activity.userSessions()).isEqualTo(1);
        assertThat(activity.lastActivityMillis()).isGreaterThanOrEqualTo(before);
        client.close();
      }
      Thread.sleep(50);
      long idleSince = activity.lastActivityMillis();
      Thread.sleep(100);
      assertThat(activity.userSessions()).isZero();
      assertThat(activity.lastActivityMillis()).isEqualTo(idleSince);
      assertThat(new OpenSshActivity(Path.of("/proc/net"), port, null,
          new ControlSessions(Path.of("/nonexistent"), Path.of("/proc"))).userSessions()).isZero();
    }
  }
}
