package dev.sky4j.kernel;

import dev.sky4j.client.ApiEndpoint;
import dev.sky4j.kernel.cluster.Clusters;
import dev.sky4j.kernel.magic.SkyCli;
import dev.sky4j.kernel.repl.ReplScript;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code java -jar sky4j-kernel.jar CONNECTION_FILE}: what the kernelspec written by {@code sky
 * kernel install} runs. {@code SKY4J_KERNEL_ATTACH=CLUSTER} attaches before the first cell.
 */
public final class KernelMain {
  private KernelMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -jar sky4j-kernel.jar CONNECTION_FILE (Jupyter passes it; "
          + "install the kernelspec with: ./sky kernel install)");
      System.exit(2);
    }
    String text;
    try {
      text = Files.readString(Path.of(args[0]));
    } catch (NoSuchFileException e) {
      System.err.println("error: " + args[0] + ": no such connection file");
      System.exit(2);
      return;
    }
    Path home = ApiEndpoint.home();
    Path script = ReplScript.writeTo(home.resolve("kernel"));
    Session session = new Session(script, Clusters.fromEnvironment(),
        new AttachMemory(home, args[0]), SkyCli.fromSystem(), blankToNull(System.getenv("SKY4J_KERNEL_ATTACH")));
    // attach before Jupyter sees the kernel, so the first cell's output is only its own
    session.attachPending(text2 -> System.err.print(text2));
    SkyKernel kernel = new SkyKernel(session);
    JupyterConnection connection = new QuickShell(KernelConnectionProperties.parse(text));
    kernel.becomeHandlerForConnection(connection);
    connection.connect();
    connection.waitUntilClose();
    System.exit(0);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
