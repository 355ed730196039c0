package dev.sky4j.provision.aws;

import java.util.Locale;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.EbsBlockDevice;
import software.amazon.awssdk.services.ec2.model.VolumeType;

/**
 * The root disk: {@code disk_size} GB (SkyPilot's default 256) of gp3, {@code disk_tier} mapped
 * to gp3's IOPS/throughput as SkyPilot does (low 3000/125, medium 6000/250, high 12000/500 MB/s,
 * ultra 16000/1000; best = ultra), encrypted with {@code aws.disk_encrypted}.
 */
final class Disks {
  static final int DEFAULT_SIZE_GB = 256;

  /** A gp3 tier. */
  record Tier(int iops, int throughputMbps) {}

  private Disks() {}

  static Tier tier(String diskTier) {
    String t = diskTier == null ? "medium" : diskTier.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "low" -> new Tier(3000, 125);
      case "medium" -> new Tier(6000, 250);
      case "high" -> new Tier(12000, 500);
      case "ultra", "best" -> new Tier(16000, 1000);
      default -> throw new IllegalArgumentException("resources.disk_tier '" + diskTier
          + "': use low, medium, high, ultra or best");
    };
  }

  static BlockDeviceMapping root(String device, Integer sizeGb, String diskTier, boolean encrypted) {
    Tier t = tier(diskTier);
    return BlockDeviceMapping.builder()
        .deviceName(device == null ? "/dev/sda1" : device)
        .ebs(EbsBlockDevice.builder()
            .volumeSize(sizeGb == null ? DEFAULT_SIZE_GB : sizeGb)
            .volumeType(VolumeType.GP3)
            .iops(t.iops())
            .throughput(t.throughputMbps())
            .encrypted(encrypted)
            .deleteOnTermination(true)
            .build())
        .build();
  }
}
