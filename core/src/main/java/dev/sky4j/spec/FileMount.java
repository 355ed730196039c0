package dev.sky4j.spec;

import java.util.List;

/** A {@code file_mounts} entry: a local/remote path copied in, or a bucket-like storage. */
public sealed interface FileMount {
  String destination();

  /** {@code /remote/path: ./local/path} (or a URL such as {@code s3://bucket/key}). */
  record Copy(String destination, String source) implements FileMount {}

  /** {@code /checkpoint: {name: ckpt, mode: MOUNT}}: storage that outlives the cluster. */
  record Storage(
      String destination,
      String name,
      List<String> sources,
      String store,
      String mode,
      boolean persistent) implements FileMount {
    public Storage {
      sources = sources == null ? List.of() : List.copyOf(sources);
    }
  }
}
