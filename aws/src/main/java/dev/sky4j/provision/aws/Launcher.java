package dev.sky4j.provision.aws;

import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMarketOptionsRequest;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.MarketType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.ShutdownBehavior;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * Creates a cluster's missing nodes with one RunInstances (MinCount = MaxCount, so a zone gives
 * all of them or none), trying the region's zones in order when the request names none; then
 * tags each node with its rank. Capacity errors come back typed ({@link AwsErrors}).
 */
final class Launcher {
  /** Everything a launch needs besides the request. */
  record Plan(String imageId, String rootDevice, Network.Placement network, String groupId,
      String userData, List<Tag> commonTags, boolean publicIp, boolean encrypted,
      String instanceProfile) {}

  private final Throttling throttling;

  Launcher(Throttling throttling) {
    this.throttling = throttling;
  }

  /** The new instances, in launch order; ranks {@code firstRank..} are tagged on them. */
  List<Instance> create(Ec2Client failFast, Ec2Client ec2, ProvisionRequest req, Plan plan,
      int firstRank, int count, java.util.function.IntFunction<List<Tag>> rankTags)
      throws ProvisionException {
    List<String> tried = new ArrayList<>();
    ProvisionException last = null;
    for (Subnet subnet : plan.network().subnets()) {
      RunInstancesRequest run = request(req, plan, subnet, count);
      try {
        List<Instance> made = throttling.call(() -> failFast.runInstances(run)).instances();
        for (int k = 0; k < made.size(); k++) {
          String id = made.get(k).instanceId();
          List<Tag> tags = rankTags.apply(firstRank + k);
          throttling.call(() -> ec2.createTags(b -> b.resources(id).tags(tags)));
        }
        return made;
      } catch (SdkException e) {
        last = AwsErrors.classify(e, req.region(), subnet.availabilityZone());
        if (!(last instanceof ProvisionException.CapacityUnavailable c) || c.zone() == null) {
          throw last; // quota, credentials, a bad request: another zone would not help
        }
        tried.add(last.getMessage());
      }
    }
    if (req.zone() != null || tried.size() <= 1) {
      throw last;
    }
    throw new ProvisionException.CapacityUnavailable(req.region(), null, "every zone of "
        + req.region() + " failed: " + String.join("; ", tried));
  }

  static RunInstancesRequest request(ProvisionRequest req, Plan plan, Subnet subnet, int count) {
    // one-time spot cannot be stopped by its own shutdown: it is terminated, as SkyPilot's are
    ShutdownBehavior shutdown = req.spot() || req.shutdownTerminates()
        ? ShutdownBehavior.TERMINATE : ShutdownBehavior.STOP;
    RunInstancesRequest.Builder b = RunInstancesRequest.builder()
        .imageId(plan.imageId())
        .instanceType(req.instanceType())
        .minCount(count)
        .maxCount(count)
        .userData(plan.userData())
        .instanceInitiatedShutdownBehavior(shutdown)
        .blockDeviceMappings(Disks.root(plan.rootDevice(), req.diskSizeGb(), req.diskTier(),
            plan.encrypted()))
        .networkInterfaces(InstanceNetworkInterfaceSpecification.builder()
            .deviceIndex(0)
            .subnetId(subnet.subnetId())
            .groups(plan.groupId())
            .associatePublicIpAddress(plan.publicIp())
            .deleteOnTermination(true)
            .build())
        .tagSpecifications(
            TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(plan.commonTags()).build(),
            TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(plan.commonTags()).build());
    if (plan.instanceProfile() != null) {
      // the nodes' only way to S3 (bucket mounts): no AWS keys ever sit on a node
      b.iamInstanceProfile(IamInstanceProfileSpecification.builder().name(plan.instanceProfile()).build());
    }
    if (req.spot()) {
      // no MaxPrice: pay the spot price, capped at on-demand (SkyPilot does the same)
      b.instanceMarketOptions(InstanceMarketOptionsRequest.builder().marketType(MarketType.SPOT).build());
    }
    return b.build();
  }
}
