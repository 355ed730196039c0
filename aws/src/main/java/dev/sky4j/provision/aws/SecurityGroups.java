package dev.sky4j.provision.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Security groups, as SkyPilot makes them: one per user ({@code sky4j-<user>}, or {@code
 * aws.security_group_name}), one per cluster ({@code sky4j-<cluster>-ports}) when the task opens
 * {@code ports}; each allows SSH from anywhere and all traffic within the group. Groups sky4j
 * created carry {@code sky4j-managed=true} and are deleted when no instance uses them any more; a
 * group the user named is used as it is and never changed or deleted.
 */
final class SecurityGroups {
  static final String MANAGED = "sky4j-managed";

  private SecurityGroups() {}

  static String userGroupName(String user, AwsConfig cfg) {
    return cfg.securityGroupName() != null ? cfg.securityGroupName()
        : "sky4j-" + user.replaceAll("[^A-Za-z0-9._-]", "-");
  }

  static String clusterGroupName(String cluster) {
    return "sky4j-" + cluster + "-ports";
  }

  static Optional<SecurityGroup> find(Ec2Client ec2, String vpcId, String name) {
    return ec2.describeSecurityGroups(b -> b.filters(
        Filter.builder().name("vpc-id").values(vpcId).build(),
        Filter.builder().name("group-name").values(name).build()))
        .securityGroups().stream().findFirst();
  }

  /** The group's id, created with SSH + intra-group rules (and {@code ports}) when missing. */
  static String ensure(Ec2Client ec2, String vpcId, String name, String user, List<String> ports,
      boolean userNamed) {
    Optional<SecurityGroup> found = find(ec2, vpcId, name);
    if (found.isPresent()) {
      if (!ports.isEmpty()) {
        open(ec2, found.get(), ports);
      }
      return found.get().groupId();
    }
    if (userNamed) {
      throw new IllegalArgumentException("aws.security_group_name " + name + " does not exist in "
          + vpcId + "; create it or remove the setting");
    }
    String id = ec2.createSecurityGroup(b -> b.groupName(name).vpcId(vpcId)
        .description("sky4j: SSH and traffic within the group")
        .tagSpecifications(TagSpecification.builder().resourceType(ResourceType.SECURITY_GROUP)
            .tags(Tag.builder().key(MANAGED).value("true").build(),
                Tag.builder().key(InstanceTags.USER).value(user).build()).build())).groupId();
    List<IpPermission> rules = new ArrayList<>();
    rules.add(tcp(22, 22));
    rules.add(IpPermission.builder().ipProtocol("-1")
        .userIdGroupPairs(UserIdGroupPair.builder().groupId(id).build()).build());
    ports.forEach(p -> rules.add(range(p)));
    ec2.authorizeSecurityGroupIngress(b -> b.groupId(id).ipPermissions(rules));
    return id;
  }

  /** Adds the port ranges the group does not allow yet (from anywhere, as SkyPilot does). */
  static void open(Ec2Client ec2, SecurityGroup g, List<String> ports) {
    List<IpPermission> missing = new ArrayList<>();
    for (String p : ports) {
      IpPermission want = range(p);
      boolean has = g.ipPermissions().stream().anyMatch(x -> "tcp".equals(x.ipProtocol())
          && want.fromPort().equals(x.fromPort()) && want.toPort().equals(x.toPort()));
      if (!has) {
        missing.add(want);
      }
    }
    if (!missing.isEmpty()) {
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(g.groupId()).ipPermissions(missing));
    }
  }

  /** {@code 8888} or {@code 10000-10010}. */
  static IpPermission range(String port) {
    String[] parts = port.strip().split("-", 2);
    try {
      int from = Integer.parseInt(parts[0].strip());
      int to = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : from;
      if (from < 1 || to > 65535 || to < from) {
        throw new NumberFormatException();
      }
      return tcp(from, to);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resources.ports '" + port + "': use a port (8888) or "
          + "a range (10000-10010) between 1 and 65535");
    }
  }

  private static IpPermission tcp(int from, int to) {
    return IpPermission.builder().ipProtocol("tcp").fromPort(from).toPort(to)
        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build()).build();
  }

  static boolean managed(SecurityGroup g) {
    return g.tags().stream().anyMatch(t -> t.key().equals(MANAGED) && t.value().equals("true"));
  }

  /**
   * Deletes a group sky4j made once no live instance uses it; retries while EC2 still sees a
   * terminating instance's interface in it (DependencyViolation), up to {@code waitMillis}.
   */
  static boolean deleteIfUnused(Ec2Client ec2, SecurityGroup g, long waitMillis) {
    if (!managed(g)) {
      return false;
    }
    // sky4j's groups sit only on sky4j's instances; their interfaces say which (EC2's
    // instance.group-id filter misses groups given per interface in moto)
    boolean used = Instances.describe(ec2, List.of(InstanceTags.anyCluster(),
            Filter.builder().name("instance-state-name").values(Instances.LIVE).build()))
        .stream().anyMatch(i -> Instances.groupIds(List.of(i)).contains(g.groupId()));
    if (used) {
      return false;
    }
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      try {
        ec2.deleteSecurityGroup(b -> b.groupId(g.groupId()));
        return true;
      } catch (AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        if ("InvalidGroup.NotFound".equals(code)) {
          return true;
        }
        if (!"DependencyViolation".equals(code) || System.currentTimeMillis() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(3000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }
}
