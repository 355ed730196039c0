package dev.sky4j.cli;

import dev.sky4j.spec.schema.JsonSchemaExport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code sky schema}: the task JSON schema (draft-07), for editors such as VS Code. */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = "Print the task YAML JSON schema (draft-07) for editors.")
public final class SchemaCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(JsonSchemaExport.toJson());
    System.out.flush();
    return 0;
  }
}
