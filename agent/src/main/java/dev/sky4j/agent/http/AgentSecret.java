package dev.sky4j.agent.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A cluster's agent secret: 256 random bits, created by the server when it launches the cluster,
 * kept 0600 on the server and in every node's {@code ~/.sky4j-agent/agent-secret}. Every call to
 * an agent's control API carries it ({@code Authorization: Bearer ...}); an agent answers nothing
 * without it, so a worker obeys only its head and the server, not any process that can reach
 * its port. The value never goes into a command line, an environment or a log; {@link #toString}
 * hides it.
 */
public final class AgentSecret {
  /** The file name on a node, next to {@code node.properties}. */
  public static final String FILE = "agent-secret";
  static final String SCHEME = "Bearer ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private AgentSecret(String value) {
    this.value = value;
  }

  public static AgentSecret generate() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return new AgentSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(b));
  }

  /** The secret a node holds in its agent folder ({@code <home>/.sky4j-agent}). */
  public static AgentSecret ofNode(Path agentDir) throws IOException {
    return read(agentDir.resolve(FILE));
  }

  public static AgentSecret read(Path file) throws IOException {
    String v;
    try {
      v = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no agent secret there");
    }
    if (v.length() < 32) {
      throw new IOException("the agent secret in " + file + " is too short (damaged?)");
    }
    return new AgentSecret(v);
  }

  /** Writes the secret to {@code file} as 0600 from the start (never readable by others). */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    try {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
          PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      throw new IOException("another process is writing " + file + " right now", raced);
    }
    Files.writeString(tmp, value + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The {@code Authorization} header value that proves a caller holds this secret. */
  String header() {
    return SCHEME + value;
  }

  /** Whether an {@code Authorization} header carries this secret (time independent of where it differs). */
  boolean accepts(String authorization) {
    if (authorization == null || !authorization.startsWith(SCHEME)) {
      return false;
    }
    return MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
        authorization.substring(SCHEME.length()).strip().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentSecret s && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), s.value.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return 0; // never spread the value's bits around: equality is all callers need
  }

  @Override
  public String toString() {
    return "AgentSecret[hidden]";
  }
}
