package dev.sky4j.jobs;

import dev.sky4j.state.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code managed_jobs} and {@code managed_job_events} tables (schema step 2). A state change
 * and its event row are written in one transaction, so the history never disagrees with the row.
 */
public final class ManagedJobStore {
  private static final String COLS = "id, name, status, strategy, task, resources, task_id, "
      + "cluster, cluster_job_id, cloud, region, zone, recoveries, restarts, launch_attempts, "
      + "lost_region, cancel_requested, log_offset, owner, submitted_at, started_at, ended_at, message";

  private final Database db;

  public ManagedJobStore(Database db) {
    this.db = db;
  }

  /**
   * Creates the job and returns it with its id, and the cluster name and task id derived from
   * it by {@code naming}; the PENDING event is written in the same transaction.
   */
  ManagedJobRow create(ManagedJobRow draft, java.util.function.LongFunction<String[]> naming) {
    return db.tx(c -> {
      long id;
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO managed_jobs (name, status, "
          + "strategy, task, resources, task_id, cluster, owner, submitted_at, message, updated_at) "
          + "VALUES (?,?,?,?,?,'','',?,?,?,?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, draft.name());
        ps.setString(2, draft.status().name());
        ps.setString(3, draft.strategy().name());
        ps.setString(4, draft.task());
        ps.setString(5, draft.resources());
        ps.setString(6, draft.owner());
        ps.setLong(7, draft.submittedAt());
        ps.setString(8, draft.message());
        ps.setLong(9, System.currentTimeMillis());
        ps.executeUpdate();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          rs.next();
          id = rs.getLong(1);
        }
      }
      String[] names = naming.apply(id);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE managed_jobs SET cluster = ?, task_id = ? WHERE id = ?")) {
        ps.setString(1, names[0]);
        ps.setString(2, names[1]);
        ps.setLong(3, id);
        ps.executeUpdate();
      }
      insertEvent(c, id, draft.status(), draft.message(), null);
      return get(c, id).orElseThrow();
    });
  }

  /** Saves the row; with a non-null {@code event} also records it as a state change. */
  void save(ManagedJobRow r, boolean event) {
    db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE managed_jobs SET status=?, "
          + "cluster_job_id=?, cloud=?, region=?, zone=?, recoveries=?, restarts=?, "
          + "launch_attempts=?, lost_region=?, cancel_requested=?, log_offset=?, started_at=?, "
          + "ended_at=?, message=?, updated_at=? WHERE id=?")) {
        int i = 1;
        ps.setString(i++, r.status().name());
        setInt(ps, i++, r.clusterJobId());
        ps.setString(i++, r.cloud());
        ps.setString(i++, r.region());
        ps.setString(i++, r.zone());
        ps.setInt(i++, r.recoveries());
        ps.setInt(i++, r.restarts());
        ps.setInt(i++, r.launchAttempts());
        ps.setString(i++, r.lostRegion());
        ps.setInt(i++, r.cancelRequested() ? 1 : 0);
        ps.setLong(i++, r.logOffset());
        setLong(ps, i++, r.startedAt());
        setLong(ps, i++, r.endedAt());
        ps.setString(i++, r.message());
        ps.setLong(i++, System.currentTimeMillis());
        ps.setLong(i, r.id());
        ps.executeUpdate();
      }
      if (event) {
        insertEvent(c, r.id(), r.status(), r.message(), r.infra());
      }
      return null;
    });
  }

  public Optional<ManagedJobRow> get(long id) {
    return db.tx(c -> get(c, id));
  }

  /** Every job, newest first. */
  public List<ManagedJobRow> list() {
    return query("SELECT " + COLS + " FROM managed_jobs ORDER BY id DESC");
  }

  /** Jobs not yet in a terminal state: the ones a starting server must resume. */
  List<ManagedJobRow> active() {
    StringBuilder in = new StringBuilder();
    for (ManagedJobStatus s : ManagedJobStatus.values()) {
      if (!s.terminal()) {
        in.append(in.length() == 0 ? "" : ",").append('\'').append(s.name()).append('\'');
      }
    }
    return query("SELECT " + COLS + " FROM managed_jobs WHERE status IN (" + in + ") ORDER BY id");
  }

  public List<JobEvent> events(long jobId) {
    return db.tx(c -> {
      List<JobEvent> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT job_id, at, status, reason, infra "
          + "FROM managed_job_events WHERE job_id = ? ORDER BY at, rowid")) {
        ps.setLong(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new JobEvent(rs.getLong(1), rs.getLong(2),
                ManagedJobStatus.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
          }
        }
      }
      return out;
    });
  }

  /** Adds to {@code out} where each job ran, per attempt (one RUNNING event each), oldest first. */
  Map<Long, List<String>> runningInfras(Map<Long, List<String>> out) {
    return db.tx(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT job_id, infra FROM managed_job_events "
          + "WHERE status = 'RUNNING' AND infra IS NOT NULL ORDER BY job_id, at, rowid");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> l = out.get(rs.getLong(1));
          if (l != null) {
            l.add(rs.getString(2));
          }
        }
      }
      return out;
    });
  }

  private List<ManagedJobRow> query(String sql) {
    return db.tx(c -> {
      List<ManagedJobRow> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    });
  }

  private static Optional<ManagedJobRow> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLS + " FROM managed_jobs WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static void insertEvent(Connection c, long id, ManagedJobStatus s, String reason,
      String infra) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO managed_job_events "
        + "(job_id, at, status, reason, infra) VALUES (?,?,?,?,?)")) {
      ps.setLong(1, id);
      ps.setLong(2, System.currentTimeMillis());
      ps.setString(3, s.name());
      ps.setString(4, reason);
      ps.setString(5, infra);
      ps.executeUpdate();
    }
  }

  private static ManagedJobRow row(ResultSet rs) throws SQLException {
    return new ManagedJobRow(rs.getLong(1), rs.getString(2),
        ManagedJobStatus.valueOf(rs.getString(3)), RecoveryStrategy.valueOf(rs.getString(4)),
        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        intOrNull(rs, 9), rs.getString(10),
        rs.getString(11), rs.getString(12), rs.getInt(13), rs.getInt(14), rs.getInt(15),
        rs.getString(16), rs.getInt(17) != 0, rs.getLong(18), rs.getString(19), rs.getLong(20),
        longOrNull(rs, 21), longOrNull(rs, 22), rs.getString(23));
  }

  private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
    int v = rs.getInt(i);
    return rs.wasNull() ? null : v;
  }

  private static Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }
}
