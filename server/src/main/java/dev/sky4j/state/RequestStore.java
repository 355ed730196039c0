package dev.sky4j.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The requests table: one row per long operation, from PENDING to a final status. */
public final class RequestStore {
  private static final String COLS = "id,name,cluster,status,body,result,error,created_at,finished_at";
  private final Database db;

  public RequestStore(Database db) {
    this.db = db;
  }

  /** Records a new PENDING request; {@code redactedBody} must already be free of secrets. */
  public void create(String id, String name, String cluster, String redactedBody) {
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO requests(id,name,cluster,status,body,"
          + "created_at) VALUES (?,?,?,?,?,?)")) {
        ps.setString(1, id);
        ps.setString(2, name);
        ps.setString(3, cluster);
        ps.setString(4, RequestStatus.PENDING.name());
        ps.setString(5, redactedBody);
        ps.setLong(6, System.currentTimeMillis());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** PENDING to RUNNING; false when the request was cancelled before it started. */
  public boolean start(String id) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE requests SET status='RUNNING' WHERE id=? AND status='PENDING'")) {
        ps.setString(1, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Moves an unfinished request to a final status; a finished one is left as it is. */
  public boolean finish(String id, RequestStatus status, String resultJson, String errorJson) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE requests SET status=?,result=?,error=?,"
          + "finished_at=? WHERE id=? AND status IN ('PENDING','RUNNING')")) {
        ps.setString(1, status.name());
        ps.setString(2, resultJson);
        ps.setString(3, errorJson);
        ps.setLong(4, System.currentTimeMillis());
        ps.setString(5, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public Optional<RequestRow> get(String id) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM requests WHERE id=?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.empty();
        }
      }
    });
  }

  public List<RequestRow> list(int limit) {
    return db.tx(c -> {
      List<RequestRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLS + " FROM requests ORDER BY created_at DESC LIMIT ?")) {
        ps.setInt(1, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(read(rs));
          }
        }
      }
      return out;
    });
  }

  /** Requests that were running when the server died; returns them and marks them FAILED. */
  public List<RequestRow> failInterrupted(String errorJson) {
    return db.tx(c -> {
      List<RequestRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLS + " FROM requests WHERE status IN ('PENDING','RUNNING')");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE requests SET status='FAILED',error=?,"
          + "finished_at=? WHERE status IN ('PENDING','RUNNING')")) {
        ps.setString(1, errorJson);
        ps.setLong(2, System.currentTimeMillis());
        ps.executeUpdate();
      }
      return out;
    });
  }

  private static RequestRow read(ResultSet rs) throws SQLException {
    long fin = rs.getLong(9);
    Long finished = rs.wasNull() ? null : fin;
    return new RequestRow(rs.getString(1), rs.getString(2), rs.getString(3),
        RequestStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
        rs.getLong(8), finished);
  }
}
