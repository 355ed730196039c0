package dev.sky4j.cli;

import dev.sky4j.cli.remote.TaskOptions;
import dev.sky4j.client.dto.TaskInput;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What {@code sky launch}, {@code sky exec} and {@code sky jobs launch} do before they talk to
 * the server: read the task (a YAML file or command words), refuse a missing file as a usage
 * error (exit 2, as {@code sky validate} does), validate the YAML here, then hand the task on.
 */
final class TaskSubmit {
  private TaskSubmit() {}

  /**
   * @param usage an example command line, shown when the file is missing
   * @param noTask the hint shown when neither a file nor a command was given, or null when the
   *     command may run without a task
   */
  static int run(TaskOptions task, List<String> entrypoint, String usage, String noTask,
      ToIntFunction<TaskInput> send) {
    TaskInput in;
    try {
      in = task.input(entrypoint);
    } catch (NoSuchFileException e) {
      System.err.println(noSuchFile(e.getFile(), usage));
      return 2;
    } catch (TaskOptions.UnsetVariable e) {
      System.err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      return 1;
    }
    if (in.yaml() == null && in.command() == null && noTask != null) {
      System.err.println("error: give a task YAML or a command, e.g. " + noTask);
      return 2;
    }
    if (!LocalCheck.ok(in, System.err)) {
      return 1;
    }
    return send.applyAsInt(in);
  }

  static String noSuchFile(Object file, String usage) {
    return "error: " + file + ": no such file. Check the path, e.g. " + usage;
  }
}
