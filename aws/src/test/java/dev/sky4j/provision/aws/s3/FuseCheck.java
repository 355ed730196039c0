package dev.sky4j.provision.aws.s3;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this machine can run a FUSE mount with rclone (MOUNT mode needs both). */
final class FuseCheck {
  private FuseCheck() {}

  static boolean works() {
    return why() == null;
  }

  /** Why MOUNT cannot be tested here, or null when it can. */
  static String why() {
    if (!Files.exists(Path.of("/dev/fuse"))) {
      return "MOUNT needs FUSE: /dev/fuse is missing (a container without --device /dev/fuse); COPY covers the path";
    }
    if (!onPath("rclone") || !(onPath("fusermount3") || onPath("fusermount"))) {
      return "MOUNT needs rclone and fuse3 (run scripts/deps/s3.sh)";
    }
    return null;
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }
}
