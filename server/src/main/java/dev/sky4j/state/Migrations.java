package dev.sky4j.state;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as numbered steps. A step is never edited once released: add a new one. Each step
 * runs in its own transaction together with the version bump, so a crash mid-upgrade leaves the
 * previous version intact.
 */
final class Migrations {
  private Migrations() {}

  static final List<String[]> STEPS = List.<String[]>of(
      new String[] {
        """
        CREATE TABLE clusters (
          name TEXT PRIMARY KEY,
          status TEXT NOT NULL,
          cloud TEXT, region TEXT, zone TEXT, instance_type TEXT,
          num_nodes INTEGER NOT NULL DEFAULT 1,
          accelerator_name TEXT, accelerator_count REAL NOT NULL DEFAULT 0,
          spot INTEGER NOT NULL DEFAULT 0,
          vcpus REAL NOT NULL DEFAULT 0, memory_gib REAL NOT NULL DEFAULT 0,
          price_per_node REAL NOT NULL DEFAULT 0,
          autostop_minutes INTEGER, autostop_down INTEGER NOT NULL DEFAULT 0,
          launched_at INTEGER NOT NULL,
          owner TEXT,
          nodes TEXT NOT NULL DEFAULT '[]',
          ever_up INTEGER NOT NULL DEFAULT 0,
          status_message TEXT,
          updated_at INTEGER NOT NULL
        )""",
        """
        CREATE TABLE usage (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          cluster TEXT NOT NULL,
          resources TEXT,
          num_nodes INTEGER NOT NULL,
          price_per_hour REAL NOT NULL,
          started_at INTEGER NOT NULL,
          ended_at INTEGER
        )""",
        "CREATE INDEX usage_cluster ON usage(cluster)",
        """
        CREATE TABLE jobs (
          cluster TEXT NOT NULL,
          job_id INTEGER NOT NULL,
          name TEXT,
          status TEXT NOT NULL,
          request_id TEXT,
          submitted_at INTEGER NOT NULL,
          ended_at INTEGER,
          exit_code INTEGER,
          PRIMARY KEY (cluster, job_id)
        )""",
        """
        CREATE TABLE requests (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          cluster TEXT,
          status TEXT NOT NULL,
          body TEXT,
          result TEXT,
          error TEXT,
          created_at INTEGER NOT NULL,
          finished_at INTEGER
        )""",
        "CREATE INDEX requests_created ON requests(created_at)",
      },
      // 2: managed jobs (dev.sky4j.jobs.ManagedJobStore) and their state changes
      new String[] {
        """
        CREATE TABLE managed_jobs (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          name TEXT NOT NULL,
          status TEXT NOT NULL,
          strategy TEXT NOT NULL,
          task TEXT NOT NULL,
          resources TEXT,
          task_id TEXT NOT NULL,
          cluster TEXT NOT NULL,
          cluster_job_id INTEGER,
          cloud TEXT, region TEXT, zone TEXT,
          recoveries INTEGER NOT NULL DEFAULT 0,
          restarts INTEGER NOT NULL DEFAULT 0,
          launch_attempts INTEGER NOT NULL DEFAULT 0,
          lost_region TEXT,
          cancel_requested INTEGER NOT NULL DEFAULT 0,
          log_offset INTEGER NOT NULL DEFAULT 0,
          owner TEXT,
          submitted_at INTEGER NOT NULL,
          started_at INTEGER,
          ended_at INTEGER,
          message TEXT,
          updated_at INTEGER NOT NULL
        )""",
        """
        CREATE TABLE managed_job_events (
          job_id INTEGER NOT NULL,
          at INTEGER NOT NULL,
          status TEXT NOT NULL,
          reason TEXT,
          infra TEXT
        )""",
        "CREATE INDEX managed_job_events_job ON managed_job_events(job_id, at)",
      },
      // 3: buckets sky4j created or used (dev.sky4j.storage) and the clusters that mount them
      new String[] {
        """
        CREATE TABLE storage (
          name TEXT PRIMARY KEY,
          store TEXT NOT NULL,
          region TEXT,
          persistent INTEGER NOT NULL DEFAULT 1,
          created INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        )""",
        """
        CREATE TABLE storage_clusters (
          name TEXT NOT NULL,
          cluster TEXT NOT NULL,
          PRIMARY KEY (name, cluster)
        )""",
      });

  static void apply(Database db) {
    db.tx(c -> {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
      }
      return null;
    });
    int current = db.tx(c -> {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    });
    if (current > STEPS.size()) {
      throw new StateException("the state file was written by a newer sky4j (schema "
          + current + "); upgrade sky4j or move ~/.sky4j/state.db aside", null);
    }
    for (int v = current; v < STEPS.size(); v++) {
      final int next = v + 1;
      final String[] sql = STEPS.get(v);
      db.tx(c -> {
        try (Statement s = c.createStatement()) {
          for (String q : sql) {
            s.execute(q);
          }
          s.execute("INSERT INTO schema_version(version) VALUES (" + next + ")");
        }
        return null;
      });
    }
  }
}
