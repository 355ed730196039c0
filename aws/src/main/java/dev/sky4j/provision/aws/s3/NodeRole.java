package dev.sky4j.provision.aws.s3;

import dev.sky4j.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The identity nodes reach S3 with, never the user's keys: the IAM role {@value #NAME} (trusted
 * by EC2, and by this account for the local cloud's short-lived sessions) in the instance
 * profile of the same name, created once. Its one inline policy names only the buckets sky4j
 * mounts (list, get, put, delete of their objects); {@link #allow} adds a bucket to it. The EC2
 * provider passes {@code IamInstanceProfile.Name = "sky4j-node"} to RunInstances.
 */
public final class NodeRole {
  public static final String NAME = "sky4j-node";
  static final String POLICY = "sky4j-node-buckets";

  /** Short-lived credentials of the role, scoped further to one bucket. */
  public record Session(String accessKeyId, String secretAccessKey, String sessionToken) {
    @Override
    public String toString() {
      return "Session[" + accessKeyId + ", secret hidden]";
    }
  }

  private final S3Clients clients;
  private volatile String arn;

  public NodeRole(S3Clients clients) {
    this.clients = clients;
  }

  /** Creates the role and the instance profile when missing; returns the role's ARN. */
  public synchronized String ensure() {
    if (arn != null) {
      return arn;
    }
    IamClient iam = clients.iam();
    String account = clients.sts().getCallerIdentity().account();
    String trust = Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
        statement("sts:AssumeRole", Map.of("Service", "ec2.amazonaws.com"), null),
        statement("sts:AssumeRole", Map.of("AWS", "arn:aws:iam::" + account + ":root"), null))));
    try {
      arn = iam.createRole(b -> b.roleName(NAME).assumeRolePolicyDocument(trust)
          .description("sky4j cluster nodes: the buckets their tasks mount, nothing else")).role().arn();
    } catch (EntityAlreadyExistsException e) {
      arn = iam.getRole(b -> b.roleName(NAME)).role().arn();
    }
    try {
      iam.createInstanceProfile(b -> b.instanceProfileName(NAME));
      iam.addRoleToInstanceProfile(b -> b.instanceProfileName(NAME).roleName(NAME));
    } catch (EntityAlreadyExistsException e) {
      // created by an earlier server: the role is in it
    }
    return arn;
  }

  /** Adds {@code bucket} to the role's policy (a no-op when it is there). */
  public synchronized void allow(String bucket) {
    ensure();
    IamClient iam = clients.iam();
    TreeSet<String> buckets = new TreeSet<>(buckets());
    if (!buckets.add(bucket)) {
      return;
    }
    iam.putRolePolicy(b -> b.roleName(NAME).policyName(POLICY).policyDocument(policy(buckets)));
  }

  /** The buckets the role's policy names now. */
  @SuppressWarnings("unchecked")
  public List<String> buckets() {
    try {
      String doc = clients.iam().getRolePolicy(b -> b.roleName(NAME).policyName(POLICY))
          .policyDocument();
      String json = java.net.URLDecoder.decode(doc, java.nio.charset.StandardCharsets.UTF_8);
      Map<String, Object> p = (Map<String, Object>) Json.parse(json);
      List<String> out = new ArrayList<>();
      for (Object s : (List<Object>) p.get("Statement")) {
        Object r = ((Map<String, Object>) s).get("Resource");
        for (Object arnOf : r instanceof List<?> l ? l : List.of(r)) {
          String a = String.valueOf(arnOf);
          if (!a.endsWith("/*")) {
            out.add(a.substring("arn:aws:s3:::".length()));
          }
        }
      }
      return out;
    } catch (NoSuchEntityException e) {
      return List.of();
    }
  }

  /** Credentials of the role for a node outside AWS (the local cloud), limited to {@code bucket}. */
  public Session session(String bucket, Duration ttl) {
    String role = ensure();
    Credentials c = clients.sts().assumeRole(b -> b.roleArn(role).roleSessionName("sky4j-node")
        .durationSeconds((int) ttl.toSeconds())
        .policy(policy(List.of(bucket)))).credentials();
    return new Session(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  /** The least-privilege policy for {@code buckets} (also printed in docs/storage.md). */
  public static String policy(Iterable<String> buckets) {
    List<String> bucketArns = new ArrayList<>();
    List<String> objectArns = new ArrayList<>();
    for (String b : buckets) {
      bucketArns.add("arn:aws:s3:::" + b);
      objectArns.add("arn:aws:s3:::" + b + "/*");
    }
    return Json.write(Map.of("Version", "2012-10-17", "Statement", List.of(
        statement(List.of("s3:ListBucket", "s3:GetBucketLocation"), null, bucketArns),
        statement(List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
            "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"), null, objectArns))));
  }

  private static Map<String, Object> statement(Object action, Map<String, String> principal,
      List<String> resources) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("Effect", "Allow");
    if (principal != null) {
      s.put("Principal", principal);
    }
    s.put("Action", action);
    if (resources != null) {
      s.put("Resource", resources);
    }
    return s;
  }
}
