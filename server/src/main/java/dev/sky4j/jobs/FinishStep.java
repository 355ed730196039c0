package dev.sky4j.jobs;

/** Ends the job: keeps the log, tears the cluster down, records the final state. */
final class FinishStep implements Runnable {
  private final JobController c;
  private final ManagedJobStatus status;
  private final String why;

  FinishStep(JobController c, ManagedJobStatus status, String why) {
    this.c = c;
    this.status = status;
    this.why = why;
  }

  @Override
  public void run() {
    c.logs.copy();
    c.finish(status, why);
  }
}
