package dev.sky4j.provision.aws;

import dev.sky4j.json.Json;
import dev.sky4j.testing.Prerequisites;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * {@code scripts/aws-sim} for JUnit: moto behind the simulator's proxy, and a simulated VM (the
 * real OpenSSH sshd in its own namespaces) for every running instance tagged
 * {@code sky4j-cluster}. Each instance of this class has a private state folder and its own
 * moto (a fresh, empty account). Needs root, Debian's openssh-server and {@code .venv-moto}
 * ({@code scripts/deps/aws-sim.sh}); without them the test is skipped, or fails in a strict run.
 * The capacity errors of {@link #fail} are a fake (the simulator's proxy answers in EC2's place).
 */
public final class AwsSimulator implements AutoCloseable {
  /** Where a simulated VM's sshd is, as hosts.json says (contract §4). */
  public record SimHost(String sshHost, int sshPort, String internalIp) {}

  /** An image moto knows in every region (listing moto's ~1300 images takes seconds). */
  public static final String MOTO_AMI = "ami-12c6146b";

  private final Path dir;
  private final Map<String, String> env;

  private AwsSimulator(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("scripts/aws-sim"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("scripts/aws-sim not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static AwsSimulator start() throws IOException, InterruptedException {
    Path root = repoRoot();
    Prerequisites.require("root".equals(System.getProperty("user.name")),
        "root (the AWS simulator's VMs need mount namespaces and sshd)");
    Prerequisites.require(Files.isExecutable(Path.of("/usr/sbin/sshd")),
        "OpenSSH's sshd (run scripts/deps/aws-sim.sh)");
    Prerequisites.require(Files.isExecutable(root.resolve(".venv-moto/bin/python")),
        ".venv-moto (run scripts/deps/aws-sim.sh)");
    Path dir = Files.createTempDirectory("aws-sim-junit-");
    AwsSimulator sim = new AwsSimulator(dir, new LinkedHashMap<>());
    // tied to this JVM: a test run killed before close() leaves no simulator or VM behind
    String owner = Long.toString(ProcessHandle.current().pid());
    for (String line : sim.cli("start", "--owner-pid", owner).split("\n")) {
      if (line.startsWith("export ")) {
        String[] kv = line.substring(7).split("=", 2);
        sim.env.put(kv[0], kv[1]);
      }
    }
    return sim;
  }

  /** The export lines of {@code aws-sim start} (AWS_ENDPOINT_URL, credentials, SKY4J_AWS_SIM_HOSTS...). */
  public Map<String, String> env() {
    return Map.copyOf(env);
  }

  public URI endpoint() {
    return URI.create(env.get("AWS_ENDPOINT_URL"));
  }

  public Path hostsFile() {
    return Path.of(env.get("SKY4J_AWS_SIM_HOSTS"));
  }

  /** The folder of the simulator's VM disks ({@code <dir>/vms/<instance-id>}). */
  public Path vmDir(String instanceId) {
    return dir.resolve("vms").resolve(instanceId);
  }

  /** An SDK client through the simulator's proxy, as the provider would build from {@link #env()}. */
  public Ec2Client ec2(String region) {
    return Ec2Client.builder().endpointOverride(endpoint()).region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"))))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  /** The user data sky4j's provider sends (contract §2): one login user with sudo and a key. */
  public static String cloudConfig(String user, String publicKeyLine) {
    return "#cloud-config\nusers:\n  - name: " + user + "\n    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n"
        + "    shell: /bin/bash\n    ssh_authorized_keys: [\"" + publicKeyLine.strip() + "\"]\n";
  }

  /** Runs one tagged instance with {@code userData} (plain text; base64 here, as EC2 wants). */
  public String runInstance(Ec2Client ec2, String cluster, int rank, String userData,
      String shutdownBehaviour) {
    RunInstancesRequest req = RunInstancesRequest.builder().imageId(MOTO_AMI).instanceType("t3.micro")
        .minCount(1).maxCount(1)
        .userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))
        .instanceInitiatedShutdownBehavior(shutdownBehaviour)
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(
            Tag.builder().key("sky4j-cluster").value(cluster).build(),
            Tag.builder().key("sky4j-rank").value(Integer.toString(rank)).build(),
            Tag.builder().key("sky4j-node").value(rank == 0 ? "head" : "worker").build()).build())
        .build();
    return ec2.runInstances(req).instances().get(0).instanceId();
  }

  public static InstanceStateName state(Ec2Client ec2, String instanceId) {
    Instance i = ec2.describeInstances(b -> b.instanceIds(instanceId)).reservations().get(0)
        .instances().get(0);
    return i.state().name();
  }

  /** The instance's entry in hosts.json once its sshd is up, waiting up to {@code seconds}. */
  @SuppressWarnings("unchecked")
  public SimHost awaitHost(String instanceId, int seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (Files.exists(hostsFile())) {
        Object e = Json.parseObject(Files.readString(hostsFile())).get(instanceId);
        if (e instanceof Map<?, ?> m) {
          return new SimHost((String) m.get("ssh_host"), ((Number) m.get("ssh_port")).intValue(),
              (String) m.get("internal_ip"));
        }
      }
      Thread.sleep(100);
    }
    throw new IOException(instanceId + " has no simulated VM after " + seconds + " s:\n" + cli("status"));
  }

  /** A condition a test waits for; may throw (a node that is down refuses calls). */
  public interface Check {
    boolean ok() throws Exception;
  }

  /** Waits up to 40 s for {@code cond}; the failure shows the simulator's status. */
  public void await(String what, Check cond) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (System.nanoTime() < deadline) {
      if (cond.ok()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("timed out waiting for " + what + "\n" + status());
  }

  /** RunInstances fails with {@code code} in {@code zone} (or a region: "--region") — a fake. */
  public void fail(String code, String whereFlag, String where, int times) throws IOException {
    cli("fail", "--code", code, whereFlag, where, "--times", Integer.toString(times));
  }

  public void clear() throws IOException {
    cli("clear");
  }

  /** A spot interruption: the simulator terminates the instance through moto's API. */
  public void interrupt(String instanceId) throws IOException {
    cli("interrupt", instanceId);
  }

  public String status() throws IOException {
    return cli("status");
  }

  private String cli(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(repoRoot().resolve("scripts/aws-sim").toString(),
        "--dir", dir.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("scripts/aws-sim " + String.join(" ", args) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      cli("stop");
    } finally {
      new ProcessBuilder("rm", "-rf", dir.toString()).start();
    }
  }
}
