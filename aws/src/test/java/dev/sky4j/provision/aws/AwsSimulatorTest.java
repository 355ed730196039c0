package dev.sky4j.provision.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.Placement;

/**
 * The simulator through the AWS SDK (against its proxy in front of a real moto) and the system's
 * OpenSSH client: instances become machines one can log in to, stop/start/terminate/interrupt
 * act on them as on EC2. The capacity error is injected by the simulator's proxy: a fake.
 */
class AwsSimulatorTest {
  static AwsSimulator sim;
  static Ec2Client ec2;
  @TempDir static Path tmp;
  static Path key;

  @BeforeAll
  static void start() throws Exception {
    sim = AwsSimulator.start();
    ec2 = sim.ec2("us-east-1");
    key = SimSsh.newKey(tmp);
  }

  @AfterAll
  static void stop() throws Exception {
    if (sim != null) {
      sim.close();
    }
  }

  private String launch(String cluster, String behaviour) throws Exception {
    String pub = Files.readString(Path.of(key + ".pub"));
    return sim.runInstance(ec2, cluster, 0, AwsSimulator.cloudConfig("ubuntu", pub), behaviour);
  }

  @Test
  void theUserDataUserLogsInByKeyWithSudoOnAMachineWithoutJava() throws Exception {
    String id = launch("login", "stop");
    AwsSimulator.SimHost host = sim.awaitHost(id, 30);
    assertThat(host.sshHost()).startsWith("127.251.").isEqualTo(host.internalIp());
    SimSsh ssh = new SimSsh(host, "ubuntu", key);
    SimSsh.Result r = ssh.run("id -un; sudo -n id -u; java -version 2>&1 || echo no-java; hostname");
    assertThat(r.exit()).as(r.output()).isZero();
    assertThat(r.output().lines()).containsSequence("ubuntu", "0");
    assertThat(r.output()).contains("no-java").contains("ip-127-251-");
    assertThat(new SimSsh(host, "root", key).run("true").exit()).as("only the user-data user").isNotZero();
  }

  @Test
  void stopKeepsTheDiskStartBootsItAgainTerminateDeletesIt() throws Exception {
    String id = launch("lifecycle", "stop");
    SimSsh ssh = new SimSsh(sim.awaitHost(id, 30), "ubuntu", key);
    assertThat(ssh.run("echo kept > ~/data").exit()).isZero();
    ec2.stopInstances(b -> b.instanceIds(id));
    sim.await("the VM's sshd to go", () -> ssh.run0("true") != 0);
    assertThat(sim.vmDir(id)).isDirectory();
    ec2.startInstances(b -> b.instanceIds(id));
    sim.await("the VM to boot again", () -> ssh.run0("true") == 0);
    assertThat(ssh.run("cat ~/data").output()).isEqualTo("kept");
    ec2.terminateInstances(b -> b.instanceIds(id));
    sim.await("the disk to be deleted", () -> !Files.exists(sim.vmDir(id)));
    assertThat(ssh.run0("true")).isNotZero();
  }

  @Test
  void interruptTerminatesTheInstanceThroughMoto() throws Exception {
    String id = launch("spot", "stop");
    SimSsh ssh = new SimSsh(sim.awaitHost(id, 30), "ubuntu", key);
    sim.interrupt(id);
    assertThat(AwsSimulator.state(ec2, id)).isEqualTo(InstanceStateName.TERMINATED);
    sim.await("the interrupted VM to end", () -> ssh.run0("true") != 0 && !Files.exists(sim.vmDir(id)));
  }

  @Test
  void aVmsOwnShutdownFollowsTheInstanceInitiatedShutdownBehaviour() throws Exception {
    String stopper = launch("halt-stop", "stop");
    String killer = launch("halt-down", "terminate");
    new SimSsh(sim.awaitHost(stopper, 30), "ubuntu", key).run("sudo shutdown -h now");
    new SimSsh(sim.awaitHost(killer, 30), "ubuntu", key).run("sudo poweroff");
    sim.await("stop", () -> AwsSimulator.state(ec2, stopper) == InstanceStateName.STOPPED);
    sim.await("terminate", () -> AwsSimulator.state(ec2, killer) == InstanceStateName.TERMINATED);
  }

  @Test
  void anInjectedCapacityErrorIsEc2sErrorCodeInThatZoneOnly() throws Exception {
    sim.fail("InsufficientInstanceCapacity", "--zone", "us-east-1c", 1);
    String ami = AwsSimulator.MOTO_AMI;
    assertThatThrownBy(() -> ec2.runInstances(b -> b.imageId(ami).minCount(1).maxCount(1)
        .placement(Placement.builder().availabilityZone("us-east-1c").build())))
        .isInstanceOfSatisfying(Ec2Exception.class, e ->
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InsufficientInstanceCapacity"));
    assertThat(ec2.runInstances(b -> b.imageId(ami).minCount(1).maxCount(1)
        .placement(Placement.builder().availabilityZone("us-east-1c").build())).instances())
        .as("--times 1 is used up").hasSize(1);
    sim.fail("SpotMaxPriceTooLow", "--region", "us-west-2", -1);
    Ec2Client west = sim.ec2("us-west-2");
    String westAmi = AwsSimulator.MOTO_AMI;
    assertThatThrownBy(() -> west.runInstances(b -> b.imageId(westAmi).minCount(1).maxCount(1)))
        .isInstanceOfSatisfying(Ec2Exception.class, e ->
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SpotMaxPriceTooLow"));
    sim.clear();
    assertThat(west.runInstances(b -> b.imageId(westAmi).minCount(1).maxCount(1)).instances()).hasSize(1);
  }
}
