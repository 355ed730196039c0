package dev.sky4j.provision.aws.s3;

import dev.sky4j.requests.RequestLog;
import dev.sky4j.storage.BucketPath;
import dev.sky4j.storage.Store;
import dev.sky4j.storage.StoredObject;
import dev.sky4j.storage.UploadResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.CreateBucketConfiguration;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3 behind the storage SPI. Every call names the bucket's own region. */
public final class S3Store implements Store {
  private final S3Clients clients;
  private final NodeRole role;
  private final UploadedFiles uploaded = new UploadedFiles();

  public S3Store(S3Clients clients) {
    this.clients = clients;
    this.role = new NodeRole(clients);
  }

  @Override
  public String kind() {
    return "s3";
  }

  @Override
  public String cloud() {
    return "aws";
  }

  @Override
  public String defaultRegion() {
    return clients.settings().defaultRegion();
  }

  @Override
  public boolean hasRegion(String region) {
    return region != null && region.matches("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d+");
  }

  @Override
  public Optional<String> regionOf(String bucket) throws IOException {
    try {
      String loc = clients.s3(defaultRegion()).getBucketLocation(b -> b.bucket(bucket))
          .locationConstraintAsString();
      // S3 answers "" (or null) for us-east-1 and "EU" for the oldest eu-west-1 buckets
      return Optional.of(loc == null || loc.isEmpty() ? "us-east-1"
          : loc.equals("EU") ? "eu-west-1" : loc);
    } catch (NoSuchBucketException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failure("find bucket " + bucket, e);
    } catch (SdkException e) {
      throw failure("find bucket " + bucket, e);
    }
  }

  @Override
  public void create(String bucket, String region, RequestLog log) throws IOException {
    try {
      clients.s3(region).createBucket(b -> {
        b.bucket(bucket);
        if (!region.equals("us-east-1")) {
          b.createBucketConfiguration(CreateBucketConfiguration.builder()
              .locationConstraint(BucketLocationConstraint.fromValue(region)).build());
        }
      });
    } catch (SdkException e) {
      throw failure("create bucket " + bucket + " in " + region, e);
    }
  }

  @Override
  public UploadResult upload(Path source, BucketPath target, RequestLog log) throws IOException {
    String region = regionOf(target.bucket()).orElseThrow(() ->
        new IOException("bucket " + target.bucket() + " does not exist"));
    try {
      return new S3Uploader(clients.s3(region), uploaded).upload(source, target, log);
    } catch (SdkException e) {
      throw failure("upload to " + target, e);
    }
  }

  @Override
  public List<StoredObject> list(BucketPath path) throws IOException {
    String region = regionOf(path.bucket()).orElseThrow(() ->
        new IOException("bucket " + path.bucket() + " does not exist"));
    try {
      return list(clients.s3(region), path.bucket(), path.prefix());
    } catch (SdkException e) {
      throw failure("list " + path, e);
    }
  }

  static List<StoredObject> list(S3Client s3, String bucket, String prefix) {
    List<StoredObject> out = new ArrayList<>();
    var pages = s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix.isEmpty() ? null
        : prefix));
    for (S3Object o : pages.contents()) {
      out.add(new StoredObject(o.key(), o.size(), o.eTag() == null ? null
          : o.eTag().replace("\"", "")));
    }
    return out;
  }

  @Override
  public URI presignGet(String bucket, String key, Duration ttl) throws IOException {
    String region = regionOf(bucket).orElseThrow(() ->
        new IOException("bucket " + bucket + " does not exist"));
    try {
      return clients.presigner(region).presignGetObject(p -> p.signatureDuration(ttl)
          .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toURI();
    } catch (SdkException | java.net.URISyntaxException e) {
      throw new IOException("cannot presign s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(String bucket, RequestLog log) throws IOException {
    Optional<String> region = regionOf(bucket);
    if (region.isEmpty()) {
      return;
    }
    S3Client s3 = clients.s3(region.get());
    try {
      List<StoredObject> all = list(s3, bucket, "");
      for (int i = 0; i < all.size(); i += 1000) {
        List<ObjectIdentifier> ids = all.subList(i, Math.min(all.size(), i + 1000)).stream()
            .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
        s3.deleteObjects(d -> d.bucket(bucket).delete(Delete.builder().objects(ids).quiet(true)
            .build()));
      }
      s3.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().forEach(u ->
          s3.abortMultipartUpload(a -> a.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
      s3.deleteBucket(b -> b.bucket(bucket));
      log.stage("Deleted bucket s3://" + bucket + " (" + all.size() + " objects)");
    } catch (SdkException e) {
      throw failure("delete bucket " + bucket, e);
    }
  }

  @Override
  public String rcloneRemote(String remote, String bucket, String cloud) throws IOException {
    String region = regionOf(bucket).orElse(defaultRegion());
    StringBuilder ini = new StringBuilder("[" + remote + "]\ntype = s3\nregion = " + region + "\n");
    URI ep = clients.settings().endpoint();
    if (ep != null) {
      ini.append("provider = Other\nendpoint = ").append(ep).append("\nforce_path_style = true\n");
    } else {
      ini.append("provider = AWS\n");
    }
    try {
      role.allow(bucket);
      if ("aws".equals(cloud)) {
        // the instance profile: rclone asks the instance metadata service, no keys on disk
        ini.append("env_auth = true\n");
      } else {
        NodeRole.Session s = role.session(bucket, Duration.ofHours(12));
        ini.append("env_auth = false\naccess_key_id = ").append(s.accessKeyId())
            .append("\nsecret_access_key = ").append(s.secretAccessKey())
            .append("\nsession_token = ").append(s.sessionToken()).append('\n');
      }
    } catch (SdkException e) {
      throw failure("set up the node role for bucket " + bucket, e);
    }
    return ini.toString();
  }

  public NodeRole nodeRole() {
    return role;
  }

  /** The SDK's message, which names the request and (where AWS gave one) the error code. */
  private static IOException failure(String what, SdkException e) {
    String msg = e instanceof S3Exception s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorCode() != null
        ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage()
        : e instanceof S3Exception s ? "HTTP " + s.statusCode() : e.getMessage();
    return new IOException("S3: cannot " + what + " (" + msg + "); check the credentials "
        + "(aws sts get-caller-identity) and the bucket name", e);
  }
}
