package dev.sky4j.agent.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The wrapper that starts a node in its own mount namespace with a private root, so the node's
 * SSH sessions, SFTP and jobs all see one VM-like view. How: {@code unshare --mount
 * --propagation private} runs a small {@code sh} script that mounts a tmpfs on the node's empty
 * {@code .sky4j-agent/root} folder, bind-mounts (recursively) every top-level entry of the host's
 * {@code /} into it except {@code /tmp} (copying top-level symlinks such as {@code /bin -> usr/bin}),
 * binds the node's own {@code /tmp} folder at {@code /tmp}, binds back the host paths under
 * {@code /tmp} the node itself needs ({@code $SKY4J_HOME}, its classpath, the JDK; then the
 * node's {@code /tmp} is a tmpfs, since their mount points must not sit in its home), removes the
 * recursive copy of the root that those binds bring along (so nothing inside can walk into it),
 * and {@code pivot_root}s into it, dropping the old root: the host's tree is then reachable only
 * through the bound folders, and no mount sits on a folder of the node's home (so a head node
 * can delete its own home for autodown). The root's top level is tmpfs, so a mount point such as {@code /checkpoint}
 * is created there, never on the host's {@code /}. The host's PID namespace and network are kept
 * (pid files and the node's 127.x address work as before). The process keeps its pid through
 * every step (each one execs), so the pid file still names the node.
 *
 * <p>If a step fails at start, the script says why on stderr (the node log), undoes its mounts
 * and starts the node on the host's filesystem, with {@value #FS_ENV} saying so.
 */
public final class PrivateRoot {
  /** Set for the node (and so for its jobs): {@code private}, or {@code shared: <why>}. */
  public static final String FS_ENV = "SKY4J_NODE_FS";

  private static final String SCRIPT = """
      R=$1 T=$2 W=$3 n=$4; shift 4
      K=''
      while [ "$n" -gt 0 ]; do K="$K$1
      "; shift; n=$((n-1)); done
      why=''
      m() { out=$("$@" 2>&1) || { why="$*: $out"; return 1; }; }
      setup() {
        m mount -t tmpfs -o mode=755 sky4j-root "$R" || return 1
        for e in /*; do
          b=${e#/}
          [ "$b" = tmp ] && continue
          if [ -L "$e" ]; then m ln -s "$(readlink "$e")" "$R/$b" || return 1
          elif [ -d "$e" ]; then m mkdir "$R/$b" && m mount --rbind "$e" "$R/$b" || return 1
          elif [ -f "$e" ]; then : > "$R/$b" && m mount --bind "$e" "$R/$b" || return 1
          fi
        done
        m mkdir -m 1777 "$R/tmp" || return 1
        if [ "$T" != - ]; then m mount --bind "$T" "$R/tmp" || return 1
        else m mount -t tmpfs -o mode=1777 sky4j-tmp "$R/tmp" || return 1
        fi
        old=$IFS; IFS='
      '
        for k in $K; do
          if [ -d "$k" ]; then m mkdir -p "$R$k" && m mount --rbind "$k" "$R$k" || return 1
          elif [ -e "$k" ]; then
            m mkdir -p "${R}$(dirname "$k")" && { [ -e "$R$k" ] || : > "$R$k"; } \\
              && m mount --bind "$k" "$R$k" || return 1
          fi
        done
        IFS=$old
        while mountpoint -q "$R$R"; do m umount -R -l "$R$R" || return 1; done
        m mkdir "$R/.sky4j-old-root" && m pivot_root "$R" "$R/.sky4j-old-root" || return 1
      }
      if setup; then
        umount -R -l /.sky4j-old-root 2>/dev/null && rmdir /.sky4j-old-root
        export SKY4J_NODE_FS=private
        cd "$W" && exec "$@"
      fi
      echo "sky4j node: private filesystem unavailable ($why); using the host's" >&2
      umount -R -l "$R" 2>/dev/null
      export SKY4J_NODE_FS="shared: $why"
      cd "$W" && exec "$@"
      """;

  private PrivateRoot() {}

  /**
   * The command prefix that runs what follows it inside a private root: {@code root} is an empty
   * folder on the node's disk, {@code tmp} the folder behind the node's {@code /tmp} (null: a
   * tmpfs; also used whenever a {@code keep} path lies under the host's {@code /tmp}), {@code
   * workdir} the working folder to start in, and {@code keep} host paths the node must still see
   * even where they lie under the host's {@code /tmp}.
   */
  public static List<String> wrap(Path root, Path tmp, Path workdir, List<Path> keep) {
    List<String> cmd = new ArrayList<>(List.of(which("unshare"), "--mount", "--propagation", "private"));
    if (!Namespaces.isRoot()) {
      cmd.add("--map-root-user");
    }
    List<String> under = keep.stream().map(p -> p.toAbsolutePath().normalize().toString())
        .filter(p -> p.startsWith("/tmp/") && !p.contains("\n")).distinct().toList();
    // a mount point inside the node's /tmp folder would sit in its home, where a head deleting
    // its own home (autodown) could not remove it: such nodes get a tmpfs /tmp instead
    // "-", not "": an empty argument ends the command line as the JDK reads it (pid-file checks)
    String tmpDir = tmp == null || !under.isEmpty() ? "-" : tmp.toAbsolutePath().toString();
    cmd.addAll(List.of("--", "/bin/sh", "-c", SCRIPT, "sky4j-node",
        root.toAbsolutePath().toString(), tmpDir, workdir.toAbsolutePath().toString()));
    cmd.add(Integer.toString(under.size()));
    cmd.addAll(under);
    return cmd;
  }

  /** The absolute path of a tool on the usual system paths, or null. */
  static String which(String tool) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
