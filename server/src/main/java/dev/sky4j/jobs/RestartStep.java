package dev.sky4j.jobs;

/**
 * Restarts the job on a fresh cluster after a user failure (same placement rules as a first
 * launch). {@code counts}: whether it uses up one of {@code max_restarts_on_errors}.
 */
final class RestartStep implements Runnable {
  private final JobController c;
  private final String why;
  private final boolean counts;

  RestartStep(JobController c, String why, boolean counts) {
    this.c = c;
    this.why = why;
    this.counts = counts;
  }

  @Override
  public void run() {
    c.logs.copy();
    ManagedJobRow r = c.row();
    r = r.withLaunched(null, r.cloud(), r.region(), r.zone())
        .withCounters(r.recoveries() + (counts ? 0 : 1), r.restarts() + (counts ? 1 : 0), 0, null)
        .withStatus(ManagedJobStatus.RECOVERING, why);
    c.transition(r, true);
    c.launch.run();
  }
}
