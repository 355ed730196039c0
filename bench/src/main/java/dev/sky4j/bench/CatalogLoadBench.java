package dev.sky4j.bench;

import dev.sky4j.catalog.Catalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading the whole bundled catalog (all six clouds parsed, GCP GPUs composed, indexes built).
 * {@code cold}: once per fresh JVM, as the first {@code sky show-gpus H100} pays it (target under
 * 150 ms). {@code warm}: the same work with a JIT-compiled parser, for reference.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CatalogLoadBench {
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(10)
  public int cold() {
    return Catalog.bundled().offers().size();
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(10)
  public int coldNameLookupOnly() {
    return Catalog.bundled().accelerator("h100").get().counts().size();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 3, time = 1)
  @Measurement(iterations = 5, time = 1)
  @Fork(1)
  public int warm() {
    return Catalog.bundled().offers().size();
  }
}
