package dev.sky4j.cli;

import dev.sky4j.json.Json;
import picocli.CommandLine.Option;

/**
 * The {@code -o table|json} option of the commands that list what the server knows (status,
 * queue, check, cost-report, jobs queue): JSON is the server's records, compact, one line.
 */
final class ListingOutput {
  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      description = "table (default) or json.")
  String output;

  boolean known() {
    return "table".equalsIgnoreCase(output) || "json".equalsIgnoreCase(output);
  }

  /** With {@code -o json}, prints {@code records} and answers true; else prints nothing. */
  boolean printedJson(Object records) {
    if (!"json".equalsIgnoreCase(output)) {
      return false;
    }
    System.out.println(Json.write(records));
    return true;
  }
}
