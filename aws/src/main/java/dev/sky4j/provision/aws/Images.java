package dev.sky4j.provision.aws;

import dev.sky4j.provision.ProvisionException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * The machine image per region: the task's {@code image_id} (a string, or a map from region to
 * image), else the default Ubuntu deep-learning image (NVIDIA driver and CUDA preinstalled),
 * resolved by name through one DescribeImages call per region and cached for this server's life.
 * Only images owned by Amazon or Canonical are considered, so a look-alike public image of a
 * stranger is never picked.
 */
final class Images {
  /** Name patterns, best first: today's DLAMI, the older DLAMI name, plain Ubuntu server. */
  static final List<String> DEFAULT_NAMES = List.of(
      "Deep Learning Base OSS Nvidia Driver GPU AMI (Ubuntu 22.04) *",
      "Deep Learning AMI Ubuntu*",
      "ubuntu/images/hvm-ssd*/ubuntu-*-amd64-server-*");
  /** amazon = Amazon's own images (the DLAMI account among them), 099720109477 = Canonical. */
  static final List<String> OWNERS = List.of("amazon", "898082745236", "099720109477");

  /** An image and the device its root disk is on (a block device mapping names it). */
  record Resolved(String imageId, String rootDevice) {}

  private final Function<String, Ec2Client> ec2;
  private final Map<String, Resolved> cache = new ConcurrentHashMap<>();

  Images(Function<String, Ec2Client> ec2) {
    this.ec2 = ec2;
  }

  Resolved resolve(String region, Object imageId) throws ProvisionException {
    String asked = asked(region, imageId);
    String key = region + "|" + (asked == null ? "" : asked);
    Resolved r = cache.get(key);
    if (r == null) {
      r = asked == null ? lookUpDefault(region) : describe(region, asked);
      cache.put(key, r);
    }
    return r;
  }

  /** The task's image for this region, or null for the default. */
  static String asked(String region, Object imageId) throws ProvisionException {
    if (imageId == null) {
      return null;
    }
    if (imageId instanceof String s) {
      return s;
    }
    if (imageId instanceof Map<?, ?> m) {
      Object v = m.get(region);
      if (v instanceof String s) {
        return s;
      }
      throw new ProvisionException.CapacityUnavailable(region, null, "resources.image_id names "
          + "no image for " + region + " (it has " + m.keySet() + "); add one for " + region
          + " or pin the region in infra:");
    }
    throw new ProvisionException.InvalidRequest("resources.image_id must be an AMI id or a map "
        + "from region to AMI id");
  }

  private Resolved describe(String region, String imageId) throws ProvisionException {
    if (imageId.startsWith("docker:") || imageId.startsWith("skypilot:")) {
      throw new ProvisionException.InvalidRequest("resources.image_id " + imageId + ": sky4j "
          + "boots AMIs on AWS (ami-...); remove the prefix or use an AMI id");
    }
    List<Image> found = ec2.apply(region).describeImages(b -> b.imageIds(imageId)).images();
    if (found.isEmpty()) {
      throw new ProvisionException.InvalidRequest("resources.image_id " + imageId
          + " does not exist in " + region + "; AMI ids differ per region: give a map "
          + "{" + region + ": ami-...}");
    }
    return new Resolved(imageId, found.get(0).rootDeviceName());
  }

  private Resolved lookUpDefault(String region) throws ProvisionException {
    List<Image> images = ec2.apply(region).describeImages(b -> b.owners(OWNERS).filters(
        Filter.builder().name("name").values(DEFAULT_NAMES).build(),
        Filter.builder().name("state").values("available").build(),
        Filter.builder().name("architecture").values("x86_64").build())).images();
    Image best = images.stream()
        .min(Comparator.<Image>comparingInt(i -> rank(i.name()))
            .thenComparing(Comparator.comparing((Image i) -> i.creationDate() == null ? ""
                : i.creationDate()).reversed()))
        .orElseThrow(() -> new ProvisionException.CapacityUnavailable(region, null,
            "no Ubuntu deep-learning image found in " + region + "; set resources.image_id"));
    return new Resolved(best.imageId(), best.rootDeviceName());
  }

  /** Which default name pattern an image matches (lower is better). */
  static int rank(String name) {
    for (int i = 0; i < DEFAULT_NAMES.size(); i++) {
      String glob = DEFAULT_NAMES.get(i);
      String regex = java.util.regex.Pattern.quote(glob).replace("*", "\\E.*\\Q");
      if (name != null && name.matches(regex)) {
        return i;
      }
    }
    return DEFAULT_NAMES.size();
  }
}
