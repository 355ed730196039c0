package dev.sky4j.provision.aws;

import dev.sky4j.provision.ProvisionException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Where instances go in a region: the VPC named by {@code aws.vpc_name} (its {@code Name} tag,
 * which must be unique) or the region's default VPC, and its subnets in zone order (one zone
 * tried after another). With {@code aws.use_internal_ips} private subnets come first, otherwise
 * public ones, as SkyPilot does; the public-IP request itself is made per instance.
 */
final class Network {
  /** The VPC and the subnets to try, in order. */
  record Placement(String vpcId, String vpcCidr, List<Subnet> subnets) {}

  private Network() {}

  static Placement resolve(Ec2Client ec2, String region, String zone, AwsConfig cfg)
      throws ProvisionException {
    List<Vpc> vpcs = cfg.vpcName() != null
        ? ec2.describeVpcs(b -> b.filters(tag("Name", cfg.vpcName()))).vpcs()
        : ec2.describeVpcs(b -> b.filters(Filter.builder().name("isDefault").values("true").build())).vpcs();
    if (vpcs.isEmpty()) {
      throw new ProvisionException.CapacityUnavailable(region, null, cfg.vpcName() != null
          ? "no VPC named " + cfg.vpcName() + " in " + region + " (aws.vpc_name); create it or "
              + "pin another region in infra:"
          : "no default VPC in " + region + "; create one (aws ec2 create-default-vpc) or set "
              + "aws.vpc_name in ~/.sky4j/config.yaml");
    }
    if (vpcs.size() > 1) {
      throw new ProvisionException.InvalidRequest(vpcs.size() + " VPCs are named "
          + cfg.vpcName() + " in " + region + "; aws.vpc_name must name exactly one");
    }
    Vpc vpc = vpcs.get(0);
    List<Subnet> subnets = ec2.describeSubnets(b -> b.filters(
        Filter.builder().name("vpc-id").values(vpc.vpcId()).build())).subnets().stream()
        // the catalog names zones by their ID (use1-az1: the same place in every account),
        // a task may name them as the account does (us-east-1a)
        .filter(s -> zone == null || zone.equals(s.availabilityZone())
            || zone.equals(s.availabilityZoneId()))
        .sorted(Comparator.comparing((Subnet s) -> Boolean.TRUE.equals(s.mapPublicIpOnLaunch())
                == cfg.useInternalIps())
            .thenComparing(Subnet::availabilityZone))
        .toList();
    if (subnets.isEmpty()) {
      throw new ProvisionException.CapacityUnavailable(region, zone, "VPC " + vpc.vpcId()
          + " has no subnet" + (zone == null ? "" : " in " + zone) + "; add one or pick another zone");
    }
    return new Placement(vpc.vpcId(), vpc.cidrBlock(), subnets);
  }

  static Filter tag(String key, String value) {
    return Filter.builder().name("tag:" + key).values(value).build();
  }
}
