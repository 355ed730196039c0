package dev.sky4j.agent.autostop;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One node's activity at one moment: live jobs (the head's queue; zero on workers), open user
 * SSH connections and channels of any kind, and how long ago the last job or SSH activity was.
 * Ages rather than timestamps cross the wire, so node clocks need not agree.
 */
public record NodeActivity(
    String node, boolean reachable, int liveJobs, int sshSessions, int sshChannels,
    long jobIdleMillis, long sshIdleMillis) {

  public boolean sshBusy() {
    return sshSessions > 0 || sshChannels > 0;
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("node", node);
    m.put("reachable", reachable);
    m.put("liveJobs", liveJobs);
    m.put("sshSessions", sshSessions);
    m.put("sshChannels", sshChannels);
    m.put("jobIdleMillis", jobIdleMillis);
    m.put("sshIdleMillis", sshIdleMillis);
    return m;
  }

  public static NodeActivity fromJson(Map<String, Object> m) {
    return new NodeActivity(String.valueOf(m.get("node")), true, num(m.get("liveJobs")),
        num(m.get("sshSessions")), num(m.get("sshChannels")), lnum(m.get("jobIdleMillis")),
        lnum(m.get("sshIdleMillis")));
  }

  static NodeActivity unreachable(String node) {
    return new NodeActivity(node, false, 0, 0, 0, Long.MAX_VALUE, Long.MAX_VALUE);
  }

  private static int num(Object o) {
    return o instanceof Number n ? n.intValue() : 0;
  }

  private static long lnum(Object o) {
    return o instanceof Number n ? n.longValue() : Long.MAX_VALUE;
  }
}
