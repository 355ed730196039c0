package dev.sky4j.engine;

import dev.sky4j.agent.fs.Mount;
import dev.sky4j.agent.fs.TreeCopy;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.Capability;
import dev.sky4j.requests.ApiError;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.spec.FileMount;
import dev.sky4j.spec.Task;
import dev.sky4j.storage.BucketMount;
import dev.sky4j.storage.Buckets;
import dev.sky4j.storage.NodeShell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A launch's {@code file_mounts}. A folder copied to an absolute path ({@code /data: ./data}) gets
 * a node-private folder mounted there first, then is uploaded into it over SFTP; storage ({@code
 * /checkpoint: {name: ckpt, mode: MOUNT}}) on the local cloud is the folder {@code
 * $SKY4J_HOME/buckets/<name>}, bind-mounted (MOUNT, MOUNT_CACHED) or copied (COPY) on every node.
 * The head agent applies the mounts on all nodes ({@code POST /mounts}) and answers where each
 * one is as the task sees it: the absolute path in a node's private root, or {@code ~/...} where
 * the host gives nodes no private filesystem (said once in the request log).
 */
final class FileMounts {
  private final Providers providers;
  private final ClusterAccess access;
  private final Buckets buckets;

  FileMounts(Providers providers, ClusterAccess access, Buckets buckets) {
    this.providers = providers;
    this.access = access;
    this.buckets = buckets;
  }

  private record Upload(Path local, String destination) {}

  void sync(Task task, Path base, ClusterInfo info, RequestContext ctx) throws IOException {
    List<Mount> mounts = new ArrayList<>();
    List<Upload> uploads = new ArrayList<>();
    Map<String, String> storage = new LinkedHashMap<>();
    Provider provider = providers.get(info.cloud());
    List<BucketMount> inBuckets = new ArrayList<>();
    for (FileMount fm : task.fileMounts()) {
      if (buckets.storeOf(fm, info.cloud()).isPresent()) {
        BucketMount b = buckets.prepare(fm, info.cluster(), info.cloud(), info.region(), base,
            ctx.log());
        inBuckets.add(b);
        if (b.destination().startsWith("/")) {
          mounts.add(new Mount(b.destination(), null, Mount.Mode.COPY));
        }
      } else if (fm instanceof FileMount.Copy c && !c.source().contains("://")) {
        Path src = base.resolve(expand(c.source())).normalize();
        if (!Files.exists(src)) {
          throw ApiError.badRequest("file-mount-missing", "file_mounts source " + src
              + " does not exist (mounted at " + c.destination() + "); fix the path in the task");
        }
        if (c.destination().startsWith("/") && Files.isDirectory(src)) {
          mounts.add(new Mount(c.destination(), null, Mount.Mode.COPY));
        }
        uploads.add(new Upload(src, c.destination()));
      } else if (fm instanceof FileMount.Storage s
          && provider.capabilities().contains(Capability.HOST_BUCKETS)) {
        mounts.add(storage(s, provider, base, ctx));
        storage.put(s.destination(), " (storage " + s.name() + ", " + mode(s) + ")");
      } else {
        ctx.log().stage("Skipping file mount " + fm.destination()
            + ": bucket storage is not supported on this cloud yet");
      }
    }
    boolean absolute = uploads.stream().anyMatch(u -> u.destination().startsWith("/"));
    Applied applied = mounts.isEmpty() && !absolute ? new Applied(Map.of(), false)
        : mount(info, mounts, ctx);
    storage.forEach((dest, what) ->
        ctx.log().stage("Mounted " + applied.paths().getOrDefault(dest, dest) + what));
    NodeShell shell = nodeShell(info, ctx);
    for (BucketMount b : inBuckets) {
      buckets.attach(b, applied.where(b.destination()), info.cloud(), shell, ctx.log());
    }
    for (Upload u : uploads) {
      String remote = applied.where(u.destination());
      int n = access.sync(info, u.local(), remote, ctx.log());
      ctx.log().stage("Synced " + u.local() + " to " + remote + " (" + n + " files changed)");
    }
  }

  private NodeShell nodeShell(ClusterInfo info, RequestContext ctx) {
    return new NodeShell() {
      @Override
      public void copyToEach(Path local, String remotePath) throws IOException {
        access.sync(info, local, remotePath, ctx.log());
      }

      @Override
      public void runOnEach(String command) throws IOException {
        access.runOnEach(info, command);
      }
    };
  }

  /** What the nodes answered: each mount's path as the task sees it, and whether they fell back. */
  private record Applied(Map<String, String> paths, boolean fallback) {
    /** Where an upload goes: its mount's path, or under home in the fallback. */
    String where(String dest) {
      if (!dest.startsWith("/")) {
        return dest;
      }
      if (paths.containsKey(dest)) {
        return paths.get(dest);
      }
      return fallback ? "~/" + dest.replaceAll("^/+", "") : dest;
    }
  }

  @SuppressWarnings("unchecked")
  private Applied mount(ClusterInfo info, List<Mount> mounts, RequestContext ctx)
      throws IOException {
    Map<String, Object> r;
    try {
      r = access.agent(info).mount(mounts.stream().map(Mount::toJson).toList());
    } catch (IOException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("HTTP 400")) {
        throw ApiError.badRequest("file-mount-invalid", "file_mounts: "
            + msg.replaceFirst("^.*\"error\"\\s*:\\s*\"", "").replaceFirst("\"\\s*}\\s*$", ""));
      }
      throw e;
    }
    String fs = String.valueOf(r.get("fs"));
    boolean fallback = !fs.equals("private");
    if (fallback) {
      ctx.log().stage("Nodes of " + info.cluster() + " have no private filesystem ("
          + fs.replaceFirst("^shared: ", "") + "): absolute file_mounts are under each node's home");
    }
    Object p = r.get("paths");
    return new Applied(p instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of(), fallback);
  }

  private Mount storage(FileMount.Storage s, Provider local, Path base, RequestContext ctx)
      throws IOException {
    if (s.name() == null || s.name().isBlank()) {
      throw ApiError.badRequest("storage-name-missing", "file_mounts " + s.destination()
          + ": storage needs a name (the bucket), e.g. {name: ckpt, mode: MOUNT}");
    }
    // SkyPilot resolves a relative destination from the remote home, as sky validate does
    String dest = s.destination().startsWith("/") || s.destination().startsWith("~/")
        ? s.destination() : "~/" + s.destination();
    Path bucket;
    try {
      bucket = local.hostBucket(s.name());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("storage-name-invalid", "file_mounts " + s.destination() + ": "
          + e.getMessage());
    }
    for (String src : s.sources()) {
      if (src.contains("://")) {
        ctx.log().stage("Skipping source " + src + " of storage " + s.name()
            + ": the local cloud's buckets take local folders only");
        continue;
      }
      Path from = base.resolve(expand(src)).normalize();
      if (!Files.exists(from)) {
        throw ApiError.badRequest("storage-source-missing", "storage " + s.name() + " source "
            + from + " does not exist; fix the path in the task");
      }
      copyInto(from, bucket);
    }
    Mount.Mode m = mode(s).equals("COPY") ? Mount.Mode.COPY : Mount.Mode.BIND;
    return new Mount(dest, bucket.toString(), m);
  }

  private static String mode(FileMount.Storage s) {
    return s.mode() == null ? "MOUNT" : s.mode().toUpperCase(Locale.ROOT);
  }

  /**
   * A storage source uploaded to its bucket: a folder's contents (links inside it copied as
   * links, never followed out), or one file (the source the task names is followed).
   */
  private static void copyInto(Path from, Path bucket) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.copy(from, bucket.resolve(from.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    TreeCopy.copy(from, bucket);
  }

  static String expand(String p) {
    return p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p;
  }
}
