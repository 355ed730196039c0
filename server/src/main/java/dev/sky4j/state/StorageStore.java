package dev.sky4j.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The storage tables: one row per bucket, and which clusters mount it. */
public final class StorageStore {
  private final Database db;

  public StorageStore(Database db) {
    this.db = db;
  }

  /** Records that {@code cluster} mounts the bucket (inserting the bucket's row when new). */
  public void use(String name, String store, String region, boolean persistent, boolean created,
      String cluster) {
    long now = System.currentTimeMillis();
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO storage(name,store,region,"
          + "persistent,created,created_at,updated_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(name) "
          + "DO UPDATE SET updated_at=excluded.updated_at, persistent=MIN(persistent,"
          + "excluded.persistent), created=MAX(created, excluded.created)")) {
        ps.setString(1, name);
        ps.setString(2, store);
        ps.setString(3, region);
        ps.setInt(4, persistent ? 1 : 0);
        ps.setInt(5, created ? 1 : 0);
        ps.setLong(6, now);
        ps.setLong(7, now);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT OR IGNORE INTO storage_clusters(name, cluster) VALUES (?,?)")) {
        ps.setString(1, name);
        ps.setString(2, cluster);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Forgets that {@code cluster} mounts anything; returns the buckets it mounted. */
  public List<StorageRecord> release(String cluster) {
    List<StorageRecord> used = list().stream().filter(r -> r.clusters().contains(cluster)).toList();
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM storage_clusters WHERE cluster=?")) {
        ps.setString(1, cluster);
        ps.executeUpdate();
      }
      return null;
    });
    return used.stream().map(r -> get(r.name()).orElse(r)).toList();
  }

  public void remove(String name) {
    db.tx(c -> {
      for (String t : List.of("storage", "storage_clusters")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE name=?")) {
          ps.setString(1, name);
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  public Optional<StorageRecord> get(String name) {
    return list().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public List<StorageRecord> list() {
    return db.tx(c -> {
      List<StorageRecord> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT name,store,region,persistent,created,"
          + "created_at FROM storage ORDER BY name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          out.add(new StorageRecord(name, rs.getString(2), rs.getString(3), rs.getInt(4) != 0,
              rs.getInt(5) != 0, rs.getLong(6), clusters(c, name)));
        }
      }
      return out;
    });
  }

  private static List<String> clusters(Connection c, String name) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT cluster FROM storage_clusters WHERE name=? ORDER BY cluster")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
