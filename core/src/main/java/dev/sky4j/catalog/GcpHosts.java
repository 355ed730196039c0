package dev.sky4j.catalog;

import java.util.Locale;

/**
 * Which GCP host VM carries an accelerator. GCP's catalog prices GPUs alone; a GPU node costs this
 * host plus the accelerator, in the same zone. The families follow SkyPilot's GCP catalog:
 * A100 on a2-highgpu (16 on a2-megagpu), A100-80GB on a2-ultragpu, H100 on a3-highgpu, H100-MEGA
 * on a3-megagpu, H200 on a3-ultragpu, B200 on a4-highgpu, L4 on the smallest g2-standard that
 * takes the count. The older attachable GPUs (T4, V100, P100, P4, K80) go on n1-highmem with
 * max(8, 4 x count) vCPUs: SkyPilot's default host is 8 vCPUs with at least 4 GiB per vCPU
 * (n1-highmem-8), and more GPUs get proportionally more host.
 */
final class GcpHosts {
  /** TPU VMs are priced whole by their own row; SkyPilot names their instance type so. */
  static final String TPU_VM = "TPU-VM";

  private GcpHosts() {}

  /** The host instance type, {@link #TPU_VM} for TPUs, or null when no host is known. */
  static String hostFor(String accelerator, double count) {
    String a = accelerator.toUpperCase(Locale.ROOT);
    if (a.startsWith("TPU-")) {
      return TPU_VM;
    }
    if (count != Math.rint(count) || count < 1) {
      return null;
    }
    int n = (int) count;
    return switch (a) {
      case "A100" -> n == 16 ? "a2-megagpu-16g" : "a2-highgpu-" + n + "g";
      case "A100-80GB" -> "a2-ultragpu-" + n + "g";
      case "H100" -> "a3-highgpu-" + n + "g";
      case "H100-MEGA" -> n == 8 ? "a3-megagpu-8g" : null;
      case "H200" -> n == 8 ? "a3-ultragpu-8g" : null;
      case "B200" -> n == 8 ? "a4-highgpu-8g" : null;
      case "L4" -> switch (n) {
        case 1 -> "g2-standard-4";
        case 2 -> "g2-standard-24";
        case 4 -> "g2-standard-48";
        case 8 -> "g2-standard-96";
        default -> null;
      };
      case "T4", "V100", "P100", "P4", "K80" -> "n1-highmem-" + Math.max(8, 4 * n);
      default -> null;
    };
  }

  /**
   * Families whose VMs come with GPUs attached: not offered as CPU-only machines, since launching
   * one for a CPU task would pay for idle GPUs.
   */
  static boolean isGpuOnlyFamily(String instanceType) {
    return instanceType.startsWith("a2-") || instanceType.startsWith("a3-")
        || instanceType.startsWith("a4-") || instanceType.startsWith("g2-");
  }
}
