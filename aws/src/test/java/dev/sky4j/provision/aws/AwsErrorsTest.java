package dev.sky4j.provision.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sky4j.provision.ProvisionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/** EC2 error codes, as the SDK raises them, become the engine's typed failures. */
class AwsErrorsTest {
  static Ec2Exception ec2(String code, int status) {
    return (Ec2Exception) Ec2Exception.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code + " happened")
            .serviceName("Ec2").build())
        .message(code).build();
  }

  @Test
  void capacityErrorsBlockTheZone() {
    for (String code : new String[] {"InsufficientInstanceCapacity", "SpotMaxPriceTooLow",
        "Unsupported", "InsufficientHostCapacity"}) {
      ProvisionException e = AwsErrors.classify(ec2(code, 500), "us-east-1", "us-east-1b");
      assertThat(e).as(code).isInstanceOf(ProvisionException.CapacityUnavailable.class);
      assertThat(((ProvisionException.CapacityUnavailable) e).zone()).isEqualTo("us-east-1b");
      assertThat(e.getMessage()).contains(code).contains("us-east-1b");
    }
  }

  @Test
  void quotasBlockTheRegionAndSayWhereToRaiseThem() {
    for (String code : new String[] {"MaxSpotInstanceCountExceeded", "InstanceLimitExceeded",
        "VcpuLimitExceeded"}) {
      ProvisionException e = AwsErrors.classify(ec2(code, 400), "eu-west-1", "eu-west-1a");
      assertThat(e).as(code).isInstanceOf(ProvisionException.QuotaExceeded.class);
      assertThat(e.getMessage()).contains("Service Quotas").contains("eu-west-1");
    }
  }

  @Test
  void credentialsAndBadRequestsAreNotRetriedElsewhere() {
    assertThat(AwsErrors.classify(ec2("AuthFailure", 401), "us-east-1", null))
        .isInstanceOf(ProvisionException.BadCredentials.class).hasMessageContaining("sky check");
    assertThat(AwsErrors.classify(ec2("UnauthorizedOperation", 403), "us-east-1", null))
        .isInstanceOf(ProvisionException.BadCredentials.class);
    assertThat(AwsErrors.classify(ec2("InvalidParameterValue", 400), "us-east-1", null))
        .isInstanceOf(ProvisionException.InvalidRequest.class);
    assertThat(AwsErrors.classify(SdkClientException.create("connection refused"), "us-east-1", "us-east-1a"))
        .isInstanceOf(ProvisionException.CapacityUnavailable.class)
        .hasMessageContaining("cannot reach EC2");
  }

  @Test
  void throttlingIsRetriedWithJitteredBackoffAndOtherErrorsAreNot() {
    AtomicInteger calls = new AtomicInteger();
    String r = new Throttling(5, 1, 4).call(() -> {
      if (calls.incrementAndGet() < 3) {
        throw ec2("RequestLimitExceeded", 503);
      }
      return "ok";
    });
    assertThat(r).isEqualTo("ok");
    assertThat(calls).hasValue(3);

    AtomicInteger once = new AtomicInteger();
    assertThatThrownBy(() -> new Throttling(5, 1, 4).call(() -> {
      once.incrementAndGet();
      throw ec2("InsufficientInstanceCapacity", 500);
    })).isInstanceOf(Ec2Exception.class);
    assertThat(once).hasValue(1);

    Throttling t = new Throttling(8, 500, 20_000);
    for (int attempt = 1; attempt <= 8; attempt++) {
      long cap = Math.min(20_000, 500L << (attempt - 1));
      assertThat(t.delay(attempt)).isBetween(0L, cap);
    }
  }
}
