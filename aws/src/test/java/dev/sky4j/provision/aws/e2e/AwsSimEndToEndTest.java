package dev.sky4j.provision.aws.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.provision.aws.AwsSimulator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * The whole AWS path through the simulator, as a user drives it: the real CLI and server, the
 * EC2 provider against moto, simulated VMs that are the real OpenSSH sshd, the agent installed
 * over the system's OpenSSH. One simulator (one moto account) serves every test; each test has
 * its own SKY4J_HOME, server and cluster names. The capacity errors some tests inject are a
 * fake: the simulator's proxy answers RunInstances in EC2's place.
 */
class AwsSimEndToEndTest {
  static AwsSimulator sim;
  /** The jlinked agent runtime, built by the first launch and reused, as a user's cache is. */
  @TempDir static Path runtimeCache;

  @TempDir Path tmp;

  @BeforeAll
  static void startSimulator() throws Exception {
    sim = AwsSimulator.start();
  }

  @AfterAll
  static void stopSimulator() throws Exception {
    if (sim != null) {
      sim.close();
    }
  }

  @AfterEach
  void clearFaults() throws Exception {
    sim.clear();
  }

  static List<Instance> instances(String region, String cluster) {
    Ec2Client ec2 = sim.ec2(region);
    return ec2.describeInstances(b -> b.filters(Filter.builder().name("tag:sky4j-cluster")
        .values(cluster).build())).reservations().stream().flatMap(r -> r.instances().stream())
        .toList();
  }

  static List<Instance> live(String region, String cluster) {
    return instances(region, cluster).stream()
        .filter(i -> i.state().name() != InstanceStateName.TERMINATED
            && i.state().name() != InstanceStateName.SHUTTING_DOWN).toList();
  }

  @Test
  void twoNodeSpotClusterRunsBothRanksAnswersSshByNameExecsAndDownLeavesNothing()
      throws Exception {
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      var launch = sky.sky("launch", "-c", "c1", "--infra", "aws/us-east-1", "--num-nodes", "2",
          "--use-spot", "-y", "--", "echo hello-from-rank-$SKYPILOT_NODE_RANK");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out()).contains("hello-from-rank-0", "hello-from-rank-1");
      // the catalog names zones by ID (use1-az1): the zone's subnet is found, no needless failover
      assertThat(launch.out()).doesNotContain("has no subnet in use1-az");
      List<Instance> nodes = live("us-east-1", "c1");
      assertThat(nodes).hasSize(2)
          .allMatch(i -> "spot".equals(i.instanceLifecycleAsString()), "spot instances");

      var ssh = sky.ssh("c1", "echo via-openssh; sudo -n true && echo sudo-ok; "
          + "test -e /usr/bin/java || echo no-system-java");
      assertThat(ssh.code()).as(ssh.out()).isZero();
      assertThat(ssh.out()).contains("via-openssh", "sudo-ok", "no-system-java");
      var worker = sky.ssh("c1-worker1", "echo worker-$(hostname)");
      assertThat(worker.out()).contains("worker-");

      var exec = sky.sky("exec", "c1", "--", "echo exec-on-$SKYPILOT_NODE_RANK");
      assertThat(exec.code()).as(exec.all()).isZero();
      assertThat(exec.out()).contains("exec-on-0");

      var down = sky.sky("down", "c1", "-y");
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(live("us-east-1", "c1")).as("no instance left").isEmpty();
      Ec2Client ec2 = sim.ec2("us-east-1");
      assertThat(ec2.describeSecurityGroups().securityGroups())
          .as("only the VPC's default group is left")
          .allMatch(g -> g.groupName().equals("default"));
      assertThat(ec2.describeKeyPairs().keyPairs()).as("no EC2 key pair").isEmpty();
      assertThat(sky.sky("status").out()).contains("No existing clusters.");
    }
  }

  @Test
  void stopAndStartKeepTheNodesDiskAndItsJobs() throws Exception {
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      var launch = sky.sky("launch", "-c", "c2", "--infra", "aws/us-east-1", "-y", "--",
          "echo kept-data > ~/kept.txt; echo first-job-output");
      assertThat(launch.code()).as(launch.all()).isZero();
      String id = live("us-east-1", "c2").get(0).instanceId();

      assertThat(sky.sky("stop", "c2", "-y").code()).isZero();
      sim.await("moto to list c2 stopped", () -> instances("us-east-1", "c2").get(0).state()
          .name() == InstanceStateName.STOPPED);
      assertThat(sky.sky("status").out()).contains("STOPPED");

      var start = sky.sky("start", "c2", "-y");
      assertThat(start.code()).as(start.all()).isZero();
      assertThat(live("us-east-1", "c2")).extracting(Instance::instanceId)
          .as("the same instance resumed").containsExactly(id);
      var exec = sky.sky("exec", "c2", "--", "cat ~/kept.txt");
      assertThat(exec.code()).as(exec.all()).isZero();
      assertThat(exec.out()).contains("kept-data")
          .as("a job after the restart has its own log").doesNotContain("first-job-output");
    }
  }

  @Test
  void capacityErrorsWalkTheZonesThenTheNextRegion() throws Exception {
    sim.fail("InsufficientInstanceCapacity", "--region", "us-east-1", -1);
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      var launch = sky.sky("launch", "-c", "c3", "--infra", "aws", "-y", "--", "echo landed");
      assertThat(launch.code()).as(launch.all()).isZero();
      String log = launch.out();
      assertThat(log).contains("landed");
      // each of us-east-1's zones named with EC2's error, then the next region in price order
      for (String zone : List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1f")) {
        assertThat(log).contains("InsufficientInstanceCapacity in " + zone);
      }
      assertThat(log.indexOf("Provisioning 1x m6i.2xlarge in aws/us-east-2"))
          .as("us-east-2 tried after us-east-1's zones")
          .isGreaterThan(log.lastIndexOf("InsufficientInstanceCapacity in us-east-1"));
      assertThat(live("us-east-1", "c3")).isEmpty();
      assertThat(live("us-east-2", "c3")).hasSize(1);
    }
  }

  @Test
  void aServerThatLostItsStateFindsTheClusterByItsTags() throws Exception {
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      var launch = sky.sky("launch", "-c", "c4", "--infra", "aws/us-east-1", "-y", "--",
          "echo up");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(sky.sky("api", "stop").code()).isZero();
      for (String f : List.of("state.db", "state.db-wal", "state.db-shm")) {
        java.nio.file.Files.deleteIfExists(sky.home.resolve(f));
      }
      java.nio.file.Files.deleteIfExists(sky.home.resolve("aws").resolve("regions.properties"));

      var status = sky.sky("status", "-r");
      assertThat(status.code()).as(status.all()).isZero();
      assertThat(status.out()).contains("c4").contains("UP");
      var exec = sky.sky("exec", "c4", "--", "echo still-reachable");
      assertThat(exec.out()).as(exec.all()).contains("still-reachable");
      assertThat(sky.sky("down", "c4", "-y").code()).isZero();
      assertThat(live("us-east-1", "c4")).isEmpty();
    }
  }

  @Test
  void useInternalIpsNeverAsksForAPublicAddress() throws Exception {
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      sky.config("aws:\n  use_internal_ips: true\n");
      var launch = sky.sky("launch", "-c", "c5", "--infra", "aws/us-east-1", "-y", "--",
          "echo private-only");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out()).contains("private-only");
      List<Instance> nodes = live("us-east-1", "c5");
      assertThat(nodes).hasSize(1);
      assertThat(nodes.get(0).publicIpAddress()).as("no public address").isNull();
      assertThat(nodes.get(0).networkInterfaces()).allMatch(n -> n.association() == null
          || n.association().publicIp() == null, "no public address on any interface");
    }
  }

  @Test
  void autostopStopsAnIdleVmAndAnOpenSshPortForwardKeepsItUp() throws Exception {
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      sky.env("SKY4J_AUTOSTOP_SECONDS_PER_MINUTE", "3");
      var launch = sky.sky("launch", "-c", "c6", "--infra", "aws/us-east-1", "-y", "--",
          "echo ready");
      assertThat(launch.code()).as(launch.all()).isZero();
      String id = live("us-east-1", "c6").get(0).instanceId();
      int local = freePort();
      Process forward = sky.forward("c6", local);
      try {
        // ssh -N -L listens only once it is connected and authenticated
        sim.await("the forward to listen", () -> {
          try (java.net.Socket probe = new java.net.Socket("127.0.0.1", local)) {
            return forward.isAlive();
          } catch (java.io.IOException e) {
            return false;
          }
        });
        assertThat(sky.sky("autostop", "c6", "-i", "1", "-y").code()).isZero();
        Thread.sleep(8_000); // past the compressed idle minute, twice over
        assertThat(AwsSimulator.state(sim.ec2("us-east-1"), id)).as("the forward keeps it up")
            .isEqualTo(InstanceStateName.RUNNING);
      } finally {
        forward.destroy();
        forward.waitFor();
      }
      sim.await("the idle VM to stop itself", () -> AwsSimulator.state(sim.ec2("us-east-1"), id)
          == InstanceStateName.STOPPED);
      sky.sky("status", "-r");
      assertThat(sky.sky("status").out()).contains("STOPPED");
    }
  }

  @Test
  void anInterruptedManagedSpotJobFinishesInAnotherRegion() throws Exception {
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache)) {
      sky.env("SKY4J_JOBS_POLL_MS", "300").env("SKY4J_JOBS_RETRY_GAP_MS", "300")
          .env("SKY4J_JOBS_GRACE_MS", "200");
      var launch = sky.sky("jobs", "launch", "-n", "sj", "--infra", "aws", "--use-spot", "-y",
          "-d", "--", "echo attempt-started; sleep 15; echo job-done");
      assertThat(launch.code()).as(launch.all()).isZero();
      java.util.regex.Pattern running = java.util.regex.Pattern.compile(
          "(?m)^1 +sj +.* 0 +RUNNING +aws/([a-z0-9-]+)");
      String[] region = new String[1];
      sim.await("the job to run", () -> {
        var m = running.matcher(sky.sky("jobs", "queue").out());
        if (m.find()) {
          region[0] = m.group(1);
        }
        return region[0] != null;
      });
      List<Instance> first = live(region[0], "sky-managed-1-sj");
      assertThat(first).hasSize(1);
      // the first region has no capacity any more: the recovery has to move
      sim.fail("InsufficientInstanceCapacity", "--region", region[0], -1);
      sim.interrupt(first.get(0).instanceId());

      long deadline = System.currentTimeMillis() + 150_000;
      String queue = "";
      while (System.currentTimeMillis() < deadline && !queue.contains("SUCCEEDED")) {
        Thread.sleep(1000);
        queue = sky.sky("jobs", "queue").out();
        assertThat(queue).doesNotContain("FAILED");
      }
      assertThat(queue).as("the job finished after one recovery")
          .containsPattern("(?m)^1 +sj +.* 1 +SUCCEEDED +aws/" + region[0] + "\\S* > aws/")
          .doesNotContainPattern("> aws/" + region[0] + "/");
      var controller = sky.sky("jobs", "logs", "1", "--controller", "--no-follow");
      assertThat(controller.out()).contains("Preemption detected");
      assertThat(sky.sky("jobs", "logs", "1", "--no-follow").out()).contains("job-done");
      assertThat(instances(region[0], "sky-managed-1-sj")).extracting(Instance::instanceId)
          .as("nothing relaunched in the region without capacity")
          .containsExactly(first.get(0).instanceId());
    }
  }

  static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Test
  void anS3CopyMountReachesTheVmWithoutAwsKeysAndAnEphemeralBucketGoesWithTheCluster()
      throws Exception {
    String bucket = "sky4j-simcopy-" + Long.toHexString(System.nanoTime());
    java.nio.file.Files.createDirectories(tmp.resolve("payload/sub"));
    java.nio.file.Files.writeString(tmp.resolve("payload/hello.txt"), "hello-from-s3\n");
    java.nio.file.Files.writeString(tmp.resolve("payload/sub/deep.txt"), "deep-file\n");
    java.nio.file.Files.writeString(tmp.resolve("copy.yaml"), String.join("\n",
        "resources:", "  infra: aws/us-east-1",
        "file_mounts:", "  ~/data:", "    name: " + bucket, "    source: ./payload",
        "    store: s3", "    mode: COPY", "    persistent: false",
        "run: cat ~/data/hello.txt ~/data/sub/deep.txt; env | grep -c '^AWS_' || true", ""));
    try (SimSky sky = new SimSky(tmp, sim, runtimeCache);
        software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3
            .S3Client.builder().endpointOverride(sim.endpoint()).forcePathStyle(true)
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
                .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                    "testing", "testing")))
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
            .build()) {
      var launch = sky.sky("launch", "-c", "c8", "-y", "copy.yaml");
      assertThat(launch.code()).as(launch.all()).isZero();
      // the files came down to the simulated VM from the bucket; the node holds no AWS keys
      assertThat(launch.out()).contains("hello-from-s3", "deep-file");
      assertThat(launch.out().lines().map(String::strip)).as("AWS_* variables on the node")
          .contains("0");
      assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents())
          .extracting(o -> o.key()).containsExactlyInAnyOrder("hello.txt", "sub/deep.txt");
      var down = sky.sky("down", "c8", "-y");
      assertThat(down.code()).as(down.all()).isZero();
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name())
          .as("persistent: false goes with the cluster").doesNotContain(bucket);
    }
  }
}
