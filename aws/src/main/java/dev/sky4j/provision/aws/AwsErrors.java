package dev.sky4j.provision.aws;

import dev.sky4j.provision.ProvisionException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * EC2's error codes turned into the engine's typed failures, so it fails over zone → region in
 * the optimizer's order: a full zone (or a type the zone does not sell) blocks the zone, a quota
 * blocks the region, rejected credentials block AWS, a bad request fails at once. Messages keep
 * EC2's code and text (never a credential) and say what to do.
 */
final class AwsErrors {
  /** The zone cannot serve this now; another zone of the region may. */
  static final Set<String> ZONE_CAPACITY = Set.of("InsufficientInstanceCapacity",
      "InsufficientHostCapacity", "InsufficientReservedInstanceCapacity", "InsufficientCapacity",
      "SpotMaxPriceTooLow", "Unsupported", "InsufficientFreeAddressesInSubnet");
  /** The account's limits in this region. */
  static final Set<String> QUOTA = Set.of("MaxSpotInstanceCountExceeded", "InstanceLimitExceeded",
      "VcpuLimitExceeded", "InsufficientVcpuLimit", "AddressLimitExceeded",
      "VolumeLimitExceeded", "PendingVerification");
  static final Set<String> CREDENTIALS = Set.of("AuthFailure", "UnauthorizedOperation",
      "InvalidClientTokenId", "ExpiredToken", "RequestExpired", "SignatureDoesNotMatch",
      "OptInRequired", "Blocked", "AccessDenied", "AccessDeniedException");
  static final Set<String> THROTTLING = Set.of("RequestLimitExceeded", "Throttling",
      "ThrottlingException", "RequestThrottled", "ServiceUnavailable", "Unavailable",
      "InternalError", "ServerInternal");

  private AwsErrors() {}

  static String code(SdkException e) {
    return e instanceof AwsServiceException a && a.awsErrorDetails() != null
        ? a.awsErrorDetails().errorCode() : null;
  }

  static boolean throttling(SdkException e) {
    String c = code(e);
    return c != null && THROTTLING.contains(c);
  }

  /** The typed failure for an EC2 error while launching in {@code region}/{@code zone}. */
  static ProvisionException classify(SdkException e, String region, String zone) {
    String c = code(e);
    String text = e instanceof AwsServiceException a && a.awsErrorDetails() != null
        && a.awsErrorDetails().errorMessage() != null ? a.awsErrorDetails().errorMessage()
        : e.getMessage();
    String where = zone != null ? zone : region;
    if (e instanceof SdkClientException) {
      return new ProvisionException.CapacityUnavailable(region, null, "cannot reach EC2 in "
          + region + " (" + e.getMessage() + "); check the network or AWS_ENDPOINT_URL");
    }
    if (c == null) {
      return new ProvisionException.CapacityUnavailable(region, zone, "EC2 failed in " + where
          + ": " + text);
    }
    if (ZONE_CAPACITY.contains(c)) {
      return new ProvisionException.CapacityUnavailable(region, zone, c + " in " + where + ": "
          + text);
    }
    if (QUOTA.contains(c)) {
      return new ProvisionException.QuotaExceeded(c + " in " + region + ": " + text
          + " (ask for more in the Service Quotas console for " + region + ")");
    }
    if (CREDENTIALS.contains(c)) {
      return new ProvisionException.BadCredentials(c + ": " + text + " (run sky check; the IAM "
          + "policy sky4j needs is in docs/aws.md)");
    }
    if (c.startsWith("Invalid") || c.startsWith("Missing") || c.equals("ValidationError")) {
      return new ProvisionException.InvalidRequest(c + ": " + text);
    }
    if (THROTTLING.contains(c)) {
      return new ProvisionException.CapacityUnavailable(region, zone, c + " in " + where
          + " (still throttled after retries): " + text);
    }
    return new ProvisionException.CapacityUnavailable(region, zone, c + " in " + where + ": " + text);
  }
}
