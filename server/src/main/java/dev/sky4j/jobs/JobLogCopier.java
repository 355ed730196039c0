package dev.sky4j.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a managed job's {@code job.log}: copies what the cluster job printed since the last copy
 * (redacted), so the output survives the cluster's teardown and spans every recovery.
 */
final class JobLogCopier {
  private final JobController c;

  JobLogCopier(JobController c) {
    this.c = c;
  }

  /** Copies what the job printed since the last copy into {@code job.log}. */
  void copy() {
    ManagedJobRow r = c.row();
    if (r.clusterJobId() == null) {
      return;
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    long offset;
    try {
      offset = c.svc.driver().copyLog(r.cluster(), r.clusterJobId(), r.logOffset(), buf);
    } catch (IOException | RuntimeException e) {
      return; // the node is gone or busy: the next poll (or nothing, after a preemption) copies
    }
    long newOffset = Math.max(offset, r.logOffset() + buf.size());
    if (buf.size() == 0) {
      return;
    }
    append(c.svc.redact(r.id(), buf.toString(StandardCharsets.UTF_8)));
    c.row(c.row().withLogOffset(newOffset));
    c.svc.store().save(c.row(), false);
  }

  void append(String text) {
    try {
      c.svc.files().appendJobLog(c.row().id(), text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      c.log("Cannot write the job log: " + e.getMessage());
    }
  }
}
