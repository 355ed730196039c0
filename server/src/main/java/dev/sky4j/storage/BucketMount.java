package dev.sky4j.storage;

/**
 * A bucket a launch shows on its nodes: at {@code destination}, in one of SkyPilot's modes, read
 * only for a plain {@code /data: s3://bucket/path} file mount.
 */
public record BucketMount(String destination, BucketPath path, Mode mode, boolean readOnly,
    Store store) {
  /** SkyPilot's StorageMode values. */
  public enum Mode { COPY, MOUNT, MOUNT_CACHED }
}
