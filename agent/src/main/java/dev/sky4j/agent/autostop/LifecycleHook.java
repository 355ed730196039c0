package dev.sky4j.agent.autostop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code config.hooks} entry as the agent stores it (the wire form of core's {@code Hook}): a
 * script run on the head before the cluster stops or goes down, killed after its timeout.
 */
public record LifecycleHook(String run, List<String> events, int timeoutSeconds) {
  private static final Set<String> EVENTS = Set.of("stop", "down", "preemption");

  public LifecycleHook {
    events = List.copyOf(events);
    if (run == null || run.isBlank()) {
      throw new IllegalArgumentException("a hook needs a run script");
    }
    for (String e : events) {
      if (!EVENTS.contains(e)) {
        throw new IllegalArgumentException("hook event '" + e + "' is not one of stop, down, preemption");
      }
    }
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException("a hook timeout must be at least 1 second");
    }
  }

  @SuppressWarnings("unchecked")
  public static LifecycleHook fromJson(Map<String, Object> m) {
    List<String> events = m.get("events") instanceof List<?> l
        ? ((List<Object>) l).stream().map(String::valueOf).toList()
        : List.copyOf(EVENTS);
    int timeout = m.get("timeoutSeconds") instanceof Number n ? n.intValue() : 3600;
    return new LifecycleHook((String) m.get("run"), events, timeout);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run", run);
    m.put("events", events);
    m.put("timeoutSeconds", timeoutSeconds);
    return m;
  }
}
