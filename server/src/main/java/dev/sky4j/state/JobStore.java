package dev.sky4j.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's record of jobs it submitted. The head node's agent owns the live queue; this table
 * remembers which request submitted which job and its last known status, so a job is never lost
 * from view when the server restarts or the cluster is stopped.
 */
public final class JobStore {
  private final Database db;

  public JobStore(Database db) {
    this.db = db;
  }

  public void record(String cluster, int jobId, String name, String status, String requestId) {
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO jobs(cluster,job_id,name,"
          + "status,request_id,submitted_at) VALUES (?,?,?,?,?,?)")) {
        ps.setString(1, cluster);
        ps.setInt(2, jobId);
        ps.setString(3, name);
        ps.setString(4, status);
        ps.setString(5, requestId);
        ps.setLong(6, System.currentTimeMillis());
        ps.executeUpdate();
      }
      return null;
    });
  }

  public void updateStatus(String cluster, int jobId, String status, Integer exitCode) {
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE jobs SET status=?, exit_code=? WHERE cluster=? AND job_id=?")) {
        ps.setString(1, status);
        if (exitCode == null) {
          ps.setNull(2, java.sql.Types.INTEGER);
        } else {
          ps.setInt(2, exitCode);
        }
        ps.setString(3, cluster);
        ps.setInt(4, jobId);
        ps.executeUpdate();
      }
      return null;
    });
  }

  public List<Integer> jobIds(String cluster) {
    return db.tx(c -> {
      List<Integer> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT job_id FROM jobs WHERE cluster=? ORDER BY job_id")) {
        ps.setString(1, cluster);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getInt(1));
          }
        }
      }
      return out;
    });
  }

  /** Forgets a cluster's jobs (after down: the queue went with the nodes). */
  public void deleteCluster(String cluster) {
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE cluster=?")) {
        ps.setString(1, cluster);
        ps.executeUpdate();
      }
      return null;
    });
  }
}
