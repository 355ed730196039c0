package dev.sky4j.bench;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.optimizer.OptimizeResult;
import dev.sky4j.optimizer.Optimizer;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.ResourceChoices;
import dev.sky4j.spec.Resources;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The optimizer on {@code accelerators: {A100:8, H100:8}} over the whole bundled catalog, warm
 * (catalog loaded, indexes built): what every {@code sky launch} and failover round pays.
 * Target: median under 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerBench {
  private Optimizer optimizer;
  private ResourceChoices anyOf;
  private ResourceChoices cpuDefault;

  @Setup
  public void setup() {
    Catalog catalog = Catalog.bundled();
    catalog.offers();
    optimizer = new Optimizer(catalog);
    Resources r = Resources.any();
    anyOf = new ResourceChoices(List.of(r.withAccelerator(AcceleratorRequest.of("A100", 8)),
        r.withAccelerator(AcceleratorRequest.of("H100", 8))), false);
    cpuDefault = ResourceChoices.single(r);
  }

  @Benchmark
  public OptimizeResult a100OrH100x8() {
    return optimizer.optimize(anyOf, 1, Set.of(), null);
  }

  /** The default CPU node scans every CPU offer of every cloud: the optimizer's widest query. */
  @Benchmark
  public OptimizeResult defaultCpuNode() {
    return optimizer.optimize(cpuDefault, 1, Set.of(), null);
  }
}
