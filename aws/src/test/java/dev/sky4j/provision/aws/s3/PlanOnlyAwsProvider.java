package dev.sky4j.provision.aws.s3;

import dev.sky4j.catalog.Offer;
import dev.sky4j.provision.CheckResult;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.provision.Provider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A FAKE aws provider that only says "enabled", so the planner ranks AWS plans as a server with
 * the EC2 provider would (that provider is built on another branch). It launches nothing: these
 * tests only plan.
 */
final class PlanOnlyAwsProvider implements Provider {
  @Override
  public String cloud() {
    return "aws";
  }

  @Override
  public CheckResult check() {
    return new CheckResult("aws", true, "fake for planning tests");
  }

  @Override
  public List<Offer> offers() {
    return List.of();
  }

  @Override
  public ClusterInfo runInstances(ProvisionRequest request) throws ProvisionException {
    throw new UnsupportedOperationException("a planning-only fake");
  }

  @Override
  public void waitInstances(String cluster, Duration timeout) {
    throw new UnsupportedOperationException("a planning-only fake");
  }

  @Override
  public Map<String, NodeState> queryInstances(String cluster) {
    return Map.of();
  }

  @Override
  public void stopInstances(String cluster, boolean workersOnly) {}

  @Override
  public void terminateInstances(String cluster, boolean workersOnly) {}

  @Override
  public Optional<ClusterInfo> getClusterInfo(String cluster) {
    return Optional.empty();
  }
}
