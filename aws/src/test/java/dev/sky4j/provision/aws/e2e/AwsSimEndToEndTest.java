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
    try (SimSky sky = new SimSky(tmp, sim)) {
      var launch = sky.sky("launch", "-c", "c1", "--infra", "aws/us-east-1", "--num-nodes", "2",
          "--use-spot", "-y", "--", "echo hello-from-rank-$SKYPILOT_NODE_RANK");
      assertThat(launch.code()).as(launch.all()).isZero();
      assertThat(launch.out()).contains("hello-from-rank-0", "hello-from-rank-1");
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
    try (SimSky sky = new SimSky(tmp, sim)) {
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
}
