package dev.sky4j.agent.autostop;

import dev.sky4j.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keeps the autostop setting and the lifecycle hooks in the node's agent folder (the node's disk),
 * so they survive an agent restart and a stop/start, like SkyPilot's skylet {@code configs} table.
 */
public final class AutostopStore {
  static final String CONFIG_FILE = "autostop.json";
  static final String HOOKS_FILE = "hooks.json";
  private final Path agentDir;

  public AutostopStore(Path agentDir) {
    this.agentDir = agentDir;
  }

  public AutostopConfig loadConfig() {
    Path f = agentDir.resolve(CONFIG_FILE);
    try {
      return Files.exists(f) ? AutostopConfig.fromJson(Json.parseObject(Files.readString(f)), 0) : null;
    } catch (IOException | RuntimeException e) {
      return null; // a damaged file means no autostop, never a node that will not boot
    }
  }

  public void saveConfig(AutostopConfig c) throws IOException {
    if (c == null) {
      Files.deleteIfExists(agentDir.resolve(CONFIG_FILE));
    } else {
      write(CONFIG_FILE, Json.write(c.toJson()));
    }
  }

  @SuppressWarnings("unchecked")
  public List<LifecycleHook> loadHooks() {
    Path f = agentDir.resolve(HOOKS_FILE);
    List<LifecycleHook> out = new ArrayList<>();
    try {
      if (Files.exists(f)) {
        for (Object o : (List<Object>) Json.parse(Files.readString(f))) {
          out.add(LifecycleHook.fromJson((Map<String, Object>) o));
        }
      }
    } catch (IOException | RuntimeException e) {
      // unreadable hooks: none run
    }
    return out;
  }

  public void saveHooks(List<LifecycleHook> hooks) throws IOException {
    write(HOOKS_FILE, Json.write(hooks.stream().map(LifecycleHook::toJson).toList()));
  }

  private void write(String name, String text) throws IOException {
    Path tmp = agentDir.resolve(name + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, agentDir.resolve(name), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
