package dev.sky4j.storage;

import dev.sky4j.requests.RequestLog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One object store (S3, later GCS...) as the engine needs it. Implementations use the user's
 * credentials on the server side only; what they hand to nodes is either a presigned URL or a
 * config that authenticates as the node's own identity (an instance profile), never the keys.
 */
public interface Store {
  /** {@code s3}: the {@code store:} value and URL scheme this store answers to. */
  String kind();

  /** The cloud whose regions this store's buckets live in ({@code aws} for S3). */
  String cloud();

  /** Where a bucket goes when the cluster's cloud has no region of this store (the local cloud). */
  String defaultRegion();

  /** True when {@code region} is one of this store's regions (an aws region for S3). */
  boolean hasRegion(String region);

  /** The bucket's region ({@code GetBucketLocation}), or empty when there is no such bucket. */
  Optional<String> regionOf(String bucket) throws IOException;

  void create(String bucket, String region, RequestLog log) throws IOException;

  /**
   * Uploads a local file or folder under {@code target}, sending only files whose size or
   * content differ from what is there, with progress lines in {@code log}.
   */
  UploadResult upload(Path source, BucketPath target, RequestLog log) throws IOException;

  List<StoredObject> list(BucketPath path) throws IOException;

  /** A URL that lets its holder GET one object for {@code ttl}, and nothing else. */
  URI presignGet(String bucket, String key, Duration ttl) throws IOException;

  /** Deletes every object and the bucket itself. */
  void delete(String bucket, RequestLog log) throws IOException;

  /**
   * The rclone remote (an INI section named {@code remote}) that reaches {@code bucket} from a
   * node of {@code cloud}: the node's instance profile on the store's own cloud, else short-lived
   * credentials of the same least-privilege node role.
   */
  String rcloneRemote(String remote, String bucket, String cloud) throws IOException;
}
