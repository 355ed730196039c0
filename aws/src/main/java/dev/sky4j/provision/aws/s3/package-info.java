/**
 * S3 as a {@link dev.sky4j.storage.Store}: buckets created in the cluster's region, an uploader
 * that sends only changed files (size and ETag, the ETag of a multipart object recomputed with the
 * same part size) with multipart for big files, presigned GETs for COPY on nodes, and the node
 * identity ({@link dev.sky4j.provision.aws.s3.NodeRole}: an IAM role and instance profile created
 * once, its policy naming only the buckets sky4j mounts). Clients come from the SDK's default
 * chains; {@code AWS_ENDPOINT_URL} (or {@code aws.endpointUrl}) points them at another endpoint,
 * with path-style addressing (moto, MinIO).
 */
package dev.sky4j.provision.aws.s3;
