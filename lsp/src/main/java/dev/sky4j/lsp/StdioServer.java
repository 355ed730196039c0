package dev.sky4j.lsp;

import dev.sky4j.catalog.Catalog;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the server on a pair of streams (stdin/stdout for {@code sky lsp}). Anything else the JVM
 * prints must not reach stdout, which carries the protocol: System.out is pointed at stderr
 * while the server runs.
 */
public final class StdioServer {
  private StdioServer() {}

  /** Serves until the client sends {@code exit} or closes the input; returns the exit code. */
  public static int run(InputStream in, OutputStream out) {
    PrintStream protocolOut = new PrintStream(out, true);
    System.setOut(System.err);
    int[] code = {0};
    SkyLanguageServer[] holder = new SkyLanguageServer[1];
    Thread main = Thread.currentThread();
    SkyLanguageServer server = new SkyLanguageServer(Catalog::get, () -> {
      code[0] = holder[0].isShutdown() ? 0 : 1;
      main.interrupt();
    });
    holder[0] = server;
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, protocolOut);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    try {
      listening.get();
    } catch (InterruptedException e) {
      // exit notification: leave with the code LSP asks for
      return code[0];
    } catch (ExecutionException e) {
      return 1;
    }
    return code[0];
  }

  public static void main(String[] args) {
    System.exit(run(System.in, System.out));
  }
}
