package dev.sky4j.state;

import dev.sky4j.json.Json;
import dev.sky4j.json.RecordBinder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The clusters table and its usage segments. {@link #save} writes a row and, in the same
 * transaction, opens a usage segment when the cluster becomes UP and closes it when it stops
 * being UP, so cost reports count exactly the time clusters ran.
 */
public final class ClusterStore {
  private static final String COLS = "name,status,cloud,region,zone,instance_type,num_nodes,"
      + "accelerator_name,accelerator_count,spot,vcpus,memory_gib,price_per_node,autostop_minutes,"
      + "autostop_down,launched_at,owner,nodes,ever_up,status_message";
  private static final Type NODE_LIST = new ParameterizedType() {
    @Override public Type[] getActualTypeArguments() {
      return new Type[] {NodeRow.class};
    }

    @Override public Type getRawType() {
      return List.class;
    }

    @Override public Type getOwnerType() {
      return null;
    }
  };

  private final Database db;

  public ClusterStore(Database db) {
    this.db = db;
  }

  public Optional<ClusterRow> get(String name) {
    return db.tx(c -> find(c, name));
  }

  public List<ClusterRow> list() {
    return db.tx(c -> {
      List<ClusterRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM clusters ORDER BY launched_at DESC, name");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    });
  }

  /** Inserts or replaces the row, keeping usage segments in step with UP. One transaction. */
  public void save(ClusterRow row) {
    db.tx(c -> {
      Optional<ClusterRow> old = find(c, row.name());
      boolean wasUp = old.map(o -> o.status().running()).orElse(false);
      boolean isUp = row.status().running();
      long now = System.currentTimeMillis();
      try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO clusters(" + COLS
          + ",updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
        int i = 1;
        ps.setString(i++, row.name());
        ps.setString(i++, row.status().name());
        ps.setString(i++, row.cloud());
        ps.setString(i++, row.region());
        ps.setString(i++, row.zone());
        ps.setString(i++, row.instanceType());
        ps.setInt(i++, row.numNodes());
        ps.setString(i++, row.acceleratorName());
        ps.setDouble(i++, row.acceleratorCount());
        ps.setInt(i++, row.spot() ? 1 : 0);
        ps.setDouble(i++, row.vcpus());
        ps.setDouble(i++, row.memoryGib());
        ps.setDouble(i++, row.pricePerNode());
        if (row.autostopMinutes() == null) {
          ps.setNull(i++, Types.INTEGER);
        } else {
          ps.setInt(i++, row.autostopMinutes());
        }
        ps.setInt(i++, row.autostopDown() ? 1 : 0);
        ps.setLong(i++, row.launchedAt());
        ps.setString(i++, row.owner());
        ps.setString(i++, Json.write(row.nodes()));
        ps.setInt(i++, row.everUp() ? 1 : 0);
        ps.setString(i++, row.statusMessage());
        ps.setLong(i, now);
        ps.executeUpdate();
      }
      if (wasUp && !isUp) {
        closeUsage(c, row.name(), now);
      } else if (isUp && !wasUp) {
        openUsage(c, row, now);
      }
      return null;
    });
  }

  /** Removes the cluster (after down), closing its usage; its cost history stays. */
  public void delete(String name) {
    db.tx(c -> {
      closeUsage(c, name, System.currentTimeMillis());
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clusters WHERE name=?")) {
        ps.setString(1, name);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Every usage segment, newest first: {@code endedAt} null while the cluster is still UP. */
  public List<UsageRow> usage() {
    return db.tx(c -> {
      List<UsageRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT cluster,resources,num_nodes,price_per_hour,"
          + "started_at,ended_at FROM usage ORDER BY started_at DESC");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long started = rs.getLong(5);
          long ended = rs.getLong(6);
          Long endedAt = rs.wasNull() ? null : ended;
          out.add(new UsageRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4),
              started, endedAt));
        }
      }
      return out;
    });
  }

  private static void openUsage(Connection c, ClusterRow row, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO usage(cluster,resources,num_nodes,"
        + "price_per_hour,started_at) VALUES (?,?,?,?,?)")) {
      ps.setString(1, row.name());
      ps.setString(2, ResourcesText.describe(row));
      ps.setInt(3, row.numNodes());
      ps.setDouble(4, row.pricePerHour());
      ps.setLong(5, now);
      ps.executeUpdate();
    }
  }

  private static void closeUsage(Connection c, String name, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE usage SET ended_at=? WHERE cluster=? AND ended_at IS NULL")) {
      ps.setLong(1, now);
      ps.setString(2, name);
      ps.executeUpdate();
    }
  }

  private static Optional<ClusterRow> find(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM clusters WHERE name=?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static ClusterRow read(ResultSet rs) throws SQLException {
    int autostop = rs.getInt(14);
    Integer autostopMinutes = rs.wasNull() ? null : autostop;
    List<NodeRow> nodes = (List<NodeRow>) RecordBinder.bind(Json.parse(rs.getString(18)), NODE_LIST);
    return new ClusterRow(rs.getString(1), ClusterStatus.valueOf(rs.getString(2)), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
        rs.getDouble(9), rs.getInt(10) != 0, rs.getDouble(11), rs.getDouble(12), rs.getDouble(13),
        autostopMinutes, rs.getInt(15) != 0, rs.getLong(16), rs.getString(17), nodes,
        rs.getInt(19) != 0, rs.getString(20));
  }
}
