package dev.sky4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.catalog.Catalog;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.optimizer.LaunchPlan;
import dev.sky4j.provision.aws.AwsConfig;
import dev.sky4j.provision.aws.MotoAccount;
import dev.sky4j.provision.aws.MotoServer;
import dev.sky4j.requests.Redactor;
import dev.sky4j.requests.RequestContext;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.spec.Task;
import dev.sky4j.state.ClusterStore;
import dev.sky4j.state.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * The engine's failover over the real EC2 provider and moto: a full region's zones are tried in
 * order, then the next region in the optimizer's order gets the cluster. The capacity error is
 * injected by {@link FullRegion}, a FAKE (moto never runs out of capacity), answering RunInstances
 * with EC2's own error code before the call leaves the SDK.
 */
class AwsFailoverTest {
  @TempDir Path root;

  /** FAKE: every RunInstances in {@code region} fails as a full EC2 zone does. */
  record FullRegion(String region) implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution ctx, ExecutionAttributes attrs) {
      if ("RunInstances".equals(attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
          && region.equals(attrs.getAttribute(AwsExecutionAttribute.AWS_REGION).id())) {
        throw Ec2Exception.builder().statusCode(500).awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("InsufficientInstanceCapacity")
            .errorMessage("We currently do not have sufficient capacity in the zone you requested.")
            .build()).build();
      }
    }
  }

  @Test
  void aFullRegionFailsOverZoneByZoneThenToTheNextRegionInPlanOrder() throws Exception {
    try (MotoServer moto = MotoServer.start()) {
      Catalog catalog = Catalog.get();
      String yaml = "resources:\n  infra: aws\n  instance_type: m5.large\nrun: echo hi\n";
      Task task = TaskResolver.resolve(new TaskInput(yaml, "t.yaml", root.toString(), null, null,
          Map.of(), Map.of()), catalog);
      List<LaunchPlan> plans = new dev.sky4j.optimizer.Optimizer(catalog)
          .optimize(task.resources(), 1, Set.of(), Set.of("aws")).plans();
      String first = plans.get(0).region();
      String second = plans.stream().map(LaunchPlan::region).filter(r -> !r.equals(first))
          .findFirst().orElseThrow();

      try (MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults(),
          new FullRegion(first))) {
        Providers providers = new Providers(catalog, List.of(aws.provider));
        Files.createDirectories(aws.paths.sky4jHome());
        ClusterStore clusters = new ClusterStore(Database.open(aws.paths.sky4jHome().resolve("state.db")));
        Path logFile = root.resolve("request.log");
        RequestContext ctx = new RequestContext("r1", new RequestLog(logFile, Redactor.NONE));
        Provisioner.Outcome o = new Provisioner(providers, clusters).provision("fo",
            task.resources(), 1, false, "me", null, false, ctx);
        ctx.log().close();

        assertThat(o.plan().region()).isEqualTo(second);
        assertThat(o.info().region()).isEqualTo(second);
        String log = Files.readString(logFile);
        // zones of the full region in order, then the next region
        int a = log.indexOf("InsufficientInstanceCapacity in " + first + "a");
        int b = log.indexOf("InsufficientInstanceCapacity in " + first + "b");
        assertThat(a).as(log).isNotNegative();
        assertThat(b).as(log).isGreaterThan(a);
        assertThat(log.indexOf("in aws/" + second)).as(log).isGreaterThan(b);
        aws.provider.terminateInstances("fo", false);
      }
    }
  }
}
