package dev.sky4j.storage;

import dev.sky4j.paths.PrivateFile;
import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MOUNT and MOUNT_CACHED on the nodes: rclone (installed from the node's package manager when
 * missing) mounts the bucket over FUSE at the mount path. The rclone remote comes from the store:
 * on the store's own cloud it authenticates as the node's instance profile; elsewhere (the local
 * cloud) it holds short-lived credentials of the same least-privilege role, in a 0600 file.
 * MOUNT streams (no local cache: sequential writes only, a file appears when it is closed);
 * MOUNT_CACHED writes through a local cache and uploads a file a second after it is closed.
 * On the local cloud the mount lives as long as the node process that ran it (a watchdog
 * unmounts when that process is gone, e.g. after a preemption); on a VM, as long as the VM.
 */
public final class NodeMount {
  private final Path scratch;
  private final String cloud;

  public NodeMount(Path scratch, String cloud) {
    this.scratch = scratch;
    this.cloud = cloud;
  }

  public void apply(BucketMount m, String nodePath, NodeShell nodes, RequestLog log)
      throws IOException {
    String remote = "sky4j-" + m.path().bucket().replaceAll("[^A-Za-z0-9_-]", "-");
    String ini = m.store().rcloneRemote(remote, m.path().bucket(), cloud);
    Files.createDirectories(scratch);
    Path file = Files.createTempFile(scratch, "rclone-", ".conf");
    String conf = ".sky4j-storage/" + remote + ".conf";
    try {
      PrivateFile.write(file, ini, "rw-------");
      nodes.copyToEach(file, conf);
    } finally {
      Files.deleteIfExists(file);
    }
    log.stage("Mounting " + m.path() + " at " + nodePath + " (" + m.mode() + ", rclone)");
    nodes.runOnEach(script(remote, m, NodeCopy.relativeToHome(nodePath), conf));
  }

  static String script(String remote, BucketMount m, String dir, String conf) {
    String src = remote + ":" + m.path().bucket() + (m.path().prefix().isEmpty() ? ""
        : "/" + m.path().prefix());
    String cache = m.mode() == BucketMount.Mode.MOUNT_CACHED
        ? " --vfs-cache-mode full --vfs-write-back 1s --cache-dir .sky4j-storage/cache"
        : " --vfs-cache-mode off";
    String log = ".sky4j-storage/" + remote + ".log";
    String mount = "rclone mount " + NodeCopy.sh(src) + " " + NodeCopy.sh(dir) + " --config "
        + conf + cache + " --dir-cache-time 5s --poll-interval 0" + (m.readOnly() ? " --read-only" : "")
        + " --log-file " + log + " --log-level NOTICE";
    String d = NodeCopy.sh(dir);
    // the watchdog: on the local cloud the parent of this shell is the node's agent (java)
    String body = mount + " & rp=$!; if [ -n \"$W\" ]; then while kill -0 \"$W\" 2>/dev/null"
        + " && kill -0 $rp 2>/dev/null; do sleep 2; done; kill $rp 2>/dev/null;"
        + " fusermount3 -uz " + d + " 2>/dev/null || fusermount -uz " + d + " 2>/dev/null; fi;"
        + " wait $rp";
    String unmount = "fusermount3 -uz " + d + " 2>/dev/null || fusermount -uz " + d
        + " 2>/dev/null || true";
    return String.join("\n",
        "set -e",
        "cd ~",
        "chmod 600 " + conf,
        "mkdir -p " + d + " .sky4j-storage/cache",
        "if ! command -v rclone >/dev/null; then sudo -n apt-get install -y -q rclone fuse3"
            + " >/dev/null 2>&1 || sudo -n yum install -y rclone fuse >/dev/null 2>&1 || true; fi",
        "command -v rclone >/dev/null || { echo 'rclone is missing on the node and could not be"
            + " installed: use mode: COPY, or install rclone and fuse3 in setup' >&2; exit 3; }",
        "if mountpoint -q " + d + "; then " + unmount + "; fi",
        "W=''",
        "if [ \"$(cat /proc/$PPID/comm 2>/dev/null)\" = java ]; then W=$PPID; fi",
        "export W",
        "setsid sh -c " + NodeCopy.sh(body) + " </dev/null >/dev/null 2>&1 &",
        "i=0",
        "while [ $i -lt 100 ]; do if mountpoint -q " + d + "; then exit 0; fi; sleep 0.2;"
            + " i=$((i+1)); done",
        "echo \"rclone did not mount " + src + " at " + dir.replace("\"", "") + ": $(tail -3 " + log
            + " 2>/dev/null)\" >&2",
        "exit 4");
  }
}
