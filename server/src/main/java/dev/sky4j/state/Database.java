package dev.sky4j.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One SQLite file behind one connection. SQLite serialises writers anyway, and a single
 * connection guarded by this object's lock makes "one transition, one transaction" trivially
 * true; reads of a few hundred rows take well under a millisecond, so readers do not starve.
 */
public final class Database implements AutoCloseable {
  /** A unit of work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Connection conn;

  private Database(Connection conn) {
    this.conn = conn;
  }

  public static Database open(Path file) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute("PRAGMA busy_timeout=5000");
      s.execute("PRAGMA foreign_keys=ON");
    }
    c.setAutoCommit(false);
    Database db = new Database(c);
    Migrations.apply(db);
    restrictPermissions(file);
    return db;
  }

  private static void restrictPermissions(Path file) {
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (Exception ignored) {
      // not a POSIX file system: nothing we can tighten
    }
  }

  /** Runs {@code work} in one transaction: all of it commits, or none of it. */
  public synchronized <T> T tx(Work<T> work) {
    try {
      T out = work.run(conn);
      conn.commit();
      return out;
    } catch (SQLException | RuntimeException e) {
      try {
        conn.rollback();
      } catch (SQLException ignored) {
        // the original error is the one worth reporting
      }
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new StateException("state store: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      conn.close();
    } catch (SQLException ignored) {
      // closing at shutdown: nothing to do about it
    }
  }
}
