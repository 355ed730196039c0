package dev.sky4j.ssh;

import dev.sky4j.paths.PrivateFile;
import dev.sky4j.paths.Sky4jPaths;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * The user's sky4j key pair, {@code ~/.sky4j/keys/sky-key[.pub]}, generated on first use with the
 * JDK alone (no {@code ssh-keygen} needed: GPU hosts often lack OpenSSH) and written in the
 * OpenSSH format that OpenSSH, sshj and MINA all read. RSA rather than Ed25519 because MINA sshd
 * needs an extra EdDSA provider for Ed25519 and the node jar stays lean without one.
 */
public final class KeyManager {
  public static final String KEY_NAME = "sky-key";

  /** The private key file, its public key file and the public key line. */
  public record KeyFiles(Path privateKey, Path publicKey, String publicKeyLine) {}

  private KeyManager() {}

  public static synchronized KeyFiles ensure(Sky4jPaths paths) throws IOException {
    Path dir = paths.keysDir();
    Path priv = dir.resolve(KEY_NAME);
    Path pub = dir.resolve(KEY_NAME + ".pub");
    if (Files.exists(priv) && Files.exists(pub)) {
      return new KeyFiles(priv, pub, Files.readString(pub).trim());
    }
    Files.createDirectories(dir);
    setMode(dir, "rwx------");
    KeyPair kp;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(3072, new SecureRandom());
      kp = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IOException("this JDK cannot generate an RSA key: " + e.getMessage(), e);
    }
    RSAPublicKey pk = (RSAPublicKey) kp.getPublic();
    RSAPrivateCrtKey sk = (RSAPrivateCrtKey) kp.getPrivate();
    String comment = "sky4j-" + System.getProperty("user.name");
    String line = "ssh-rsa " + Base64.getEncoder().encodeToString(publicBlob(pk)) + " " + comment;
    PrivateFile.write(priv, privatePem(pk, sk, comment), "rw-------");
    PrivateFile.write(pub, line + "\n", "rw-r--r--");
    return new KeyFiles(priv, pub, line);
  }

  private static byte[] publicBlob(RSAPublicKey pk) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(b);
    string(d, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    mpint(d, pk.getPublicExponent());
    mpint(d, pk.getModulus());
    return b.toByteArray();
  }

  /** {@code openssh-key-v1}, unencrypted (PROTOCOL.key in the OpenSSH sources). */
  private static String privatePem(RSAPublicKey pk, RSAPrivateCrtKey sk, String comment)
      throws IOException {
    ByteArrayOutputStream privBytes = new ByteArrayOutputStream();
    DataOutputStream p = new DataOutputStream(privBytes);
    int check = new SecureRandom().nextInt();
    p.writeInt(check);
    p.writeInt(check);
    string(p, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
    mpint(p, sk.getModulus());
    mpint(p, sk.getPublicExponent());
    mpint(p, sk.getPrivateExponent());
    mpint(p, sk.getCrtCoefficient());
    mpint(p, sk.getPrimeP());
    mpint(p, sk.getPrimeQ());
    string(p, comment.getBytes(StandardCharsets.UTF_8));
    for (int pad = 1; privBytes.size() % 8 != 0; pad++) {
      p.writeByte(pad);
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(all);
    d.write("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
    string(d, "none".getBytes(StandardCharsets.US_ASCII));
    string(d, "none".getBytes(StandardCharsets.US_ASCII));
    string(d, new byte[0]);
    d.writeInt(1);
    string(d, publicBlob(pk));
    string(d, privBytes.toByteArray());
    String b64 = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(all.toByteArray());
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + b64 + "\n-----END OPENSSH PRIVATE KEY-----\n";
  }

  private static void string(DataOutputStream d, byte[] b) throws IOException {
    d.writeInt(b.length);
    d.write(b);
  }

  private static void mpint(DataOutputStream d, BigInteger v) throws IOException {
    string(d, v.toByteArray());
  }

  private static void setMode(Path p, String mode) throws IOException {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }
}
