package dev.sky4j.provision;

/**
 * A typed provisioning failure. The launch engine reacts to the type, not the message: capacity
 * blocks the zone/region and fails over, bad credentials block the whole cloud, an invalid request
 * fails at once. Messages never contain secrets.
 */
public abstract sealed class ProvisionException extends Exception {
  protected ProvisionException(String message) {
    super(message);
  }

  /** No capacity for this request in this zone/region now: try the next one. */
  public static final class CapacityUnavailable extends ProvisionException {
    private final String region;
    private final String zone;

    public CapacityUnavailable(String region, String zone, String message) {
      super(message);
      this.region = region;
      this.zone = zone;
    }

    public String region() {
      return region;
    }

    /** The zone that is full, or null when the whole region is. */
    public String zone() {
      return zone;
    }
  }

  /** The account's quota forbids this: try another region, and tell the user which quota. */
  public static final class QuotaExceeded extends ProvisionException {
    public QuotaExceeded(String message) {
      super(message);
    }
  }

  /** The cloud rejects our credentials: block the whole cloud. */
  public static final class BadCredentials extends ProvisionException {
    public BadCredentials(String message) {
      super(message);
    }
  }

  /** The request itself is wrong (unknown instance type, bad name): do not retry. */
  public static final class InvalidRequest extends ProvisionException {
    public InvalidRequest(String message) {
      super(message);
    }
  }

  /**
   * This cloud cannot honour a field the task asks for ({@code resources.image_id} on the local
   * cloud): the engine rules the cloud out for this launch and, when nothing else is left, tells
   * the user the field and what to do.
   */
  public static final class Unsupported extends ProvisionException {
    private final String field;

    /** {@code field} is the task YAML path, e.g. {@code resources.image_id}. */
    public Unsupported(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }
}
