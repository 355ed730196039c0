package dev.sky4j.jobs;

import java.io.IOException;

/** CANCELLING: stop the cluster job, keep its log, tear the cluster down, CANCELLED. */
final class CancelStep implements Runnable {
  private final JobController c;

  CancelStep(JobController c) {
    this.c = c;
  }

  @Override
  public void run() {
    ManagedJobRow r = c.row();
    if (r.status().terminal()) {
      return;
    }
    c.transition(r.withStatus(ManagedJobStatus.CANCELLING, "cancel requested"), true);
    if (r.clusterJobId() != null) {
      try {
        c.svc.driver().cancelJob(r.cluster(), r.clusterJobId());
      } catch (IOException | RuntimeException e) {
        c.log("Could not cancel cluster job " + r.clusterJobId() + " (" + e.getMessage()
            + "); tearing the cluster down anyway");
      }
      c.logs.copy();
    }
    c.finish(ManagedJobStatus.CANCELLED, "cancelled by the user");
  }
}
