package dev.sky4j.agent.jobs;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What masking costs the agent's log route (docs/benchmarks.md, "Log redaction"): throughput of
 * {@link StreamRedactor#push} over a log-like stream in the follower's 16 KiB reads, against a
 * plain copy of the same chunks (the route without secrets) measured in the same run. Run by
 * bench/log-redaction.sh.
 */
public final class StreamRedactorBench {
  private StreamRedactorBench() {}

  public static void main(String[] args) {
    int mib = Integer.parseInt(System.getProperty("mib", "256"));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < 1 << 20; i++) {
      sb.append("step ").append(i).append(" loss=0.").append(i % 997).append(" lr=3e-4 tok/s=")
          .append(1000 + i % 500).append(i % 50 == 0 ? " key=hf_AbCdEfGh12345678" : "")
          .append('\n');
    }
    byte[] mb = sb.toString().getBytes(StandardCharsets.UTF_8);
    List<String> secrets = List.of("hf_AbCdEfGh12345678", "wandb-0123456789abcdef", "s3cr3t-pw");
    for (int round = 0; round < 3; round++) { // the last round counts; the others warm up
      long copyNs = time(mb, mib, null);
      long maskNs = time(mb, mib, new StreamRedactor(secrets));
      if (round == 2) {
        double copy = mib / (copyNs / 1e9);
        double mask = mib / (maskNs / 1e9);
        System.out.printf("| plain copy (baseline) | %.0f MiB/s | 1.00 |%n", copy);
        System.out.printf("| StreamRedactor, 3 secrets | %.0f MiB/s | %.2f |%n", mask, copy / mask);
      }
    }
  }

  private static long time(byte[] mb, int mib, StreamRedactor r) {
    int chunk = 16 * 1024;
    long sink = 0;
    long t0 = System.nanoTime();
    for (int m = 0; m < mib; m++) {
      for (int off = 0; off < mb.length; off += chunk) {
        int len = Math.min(chunk, mb.length - off);
        byte[] out = r == null ? java.util.Arrays.copyOfRange(mb, off, off + len)
            : r.push(mb, off, len);
        sink += out.length;
      }
    }
    long ns = System.nanoTime() - t0;
    if (sink < 0) {
      throw new AssertionError();
    }
    return ns;
  }
}
