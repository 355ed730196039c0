package dev.sky4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: being written. */
@Command(name = "show-gpus", description = "(not written yet)")
public final class ShowGpusCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("not written yet");
    return 1;
  }
}
