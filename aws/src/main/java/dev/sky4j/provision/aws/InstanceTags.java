package dev.sky4j.provision.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The tags of contract §3 on every instance and its disk: {@code sky4j-cluster}, {@code
 * sky4j-node} (head|worker), {@code sky4j-rank}, {@code sky4j-user}, {@code sky4j-version},
 * {@code Name=<cluster>-<rank>}, plus {@code resources.labels} and {@code aws.labels}. They are
 * how a server that lost its state finds its clusters again.
 */
final class InstanceTags {
  static final String CLUSTER = "sky4j-cluster";
  static final String NODE = "sky4j-node";
  static final String RANK = "sky4j-rank";
  static final String USER = "sky4j-user";
  static final String VERSION = "sky4j-version";

  private InstanceTags() {}

  static List<Tag> forNode(String cluster, int rank, String user, String version,
      Map<String, String> resourceLabels, Map<String, String> awsLabels) {
    Map<String, String> m = new LinkedHashMap<>();
    m.putAll(awsLabels);
    m.putAll(resourceLabels);
    m.put(CLUSTER, cluster);
    m.put(NODE, rank == 0 ? "head" : "worker");
    m.put(RANK, Integer.toString(rank));
    m.put(USER, user);
    m.put(VERSION, version);
    m.put("Name", cluster + "-" + rank);
    List<Tag> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
    return out;
  }

  static Filter cluster(String cluster) {
    return Filter.builder().name("tag:" + CLUSTER).values(cluster).build();
  }

  static Filter user(String user) {
    return Filter.builder().name("tag:" + USER).values(user).build();
  }

  static Filter anyCluster() {
    return Filter.builder().name("tag-key").values(CLUSTER).build();
  }

  static String get(Instance i, String key) {
    return i.tags().stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst()
        .orElse(null);
  }

  static int rank(Instance i) {
    String r = get(i, RANK);
    try {
      return r == null ? Integer.MAX_VALUE : Integer.parseInt(r);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
