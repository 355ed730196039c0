/**
 * Cloud-neutral bucket storage for {@code file_mounts}: the {@link dev.sky4j.storage.Store} SPI a
 * cloud module implements (S3 lives in the aws module, found through {@link java.util.ServiceLoader}
 * of {@link dev.sky4j.storage.StoreFactory}, so the server never imports a cloud SDK), the
 * {@link dev.sky4j.storage.Buckets} service the engine calls (create in the cluster's region,
 * upload only what changed, record which clusters use which bucket, delete {@code persistent:
 * false} buckets on down), and how nodes see a bucket without cloud keys on them: COPY downloads
 * presigned GET URLs with curl ({@link dev.sky4j.storage.NodeCopy}), MOUNT/MOUNT_CACHED run rclone
 * with the node's own identity ({@link dev.sky4j.storage.NodeMount}).
 */
package dev.sky4j.storage;
