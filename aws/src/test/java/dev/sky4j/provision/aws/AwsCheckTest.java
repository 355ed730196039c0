package dev.sky4j.provision.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.provision.CheckResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** {@code sky check} for AWS: the STS identity with credentials, plain advice without. */
class AwsCheckTest {
  @TempDir Path root;

  @Test
  void withMotoCredentialsItNamesTheStsIdentity() throws Exception {
    try (MotoServer moto = MotoServer.start();
        MotoAccount aws = new MotoAccount(moto, root, AwsConfig.defaults())) {
      CheckResult r = aws.provider.check();
      assertThat(r.enabled()).as(r.reason()).isTrue();
      assertThat(r.reason()).contains("arn:aws:").contains("123456789012").contains("us-east-1");
      assertThat(aws.calls.count("GetCallerIdentity")).isEqualTo(1);
      assertThat(r.reason()).doesNotContain("testing"); // never the key
    }
  }

  @Test
  void withoutCredentialsItSaysWhatToDo() throws Exception {
    Path empty = Files.writeString(root.resolve("credentials"), "");
    // the SDK's real profile provider over an empty credentials file: nothing to load
    var none = ProfileCredentialsProvider.builder()
        .profileFile(ProfileFile.builder().content(empty).type(ProfileFile.Type.CREDENTIALS).build())
        .profileName("nobody").build();
    try (Ec2Clients clients = new Ec2Clients(none, null, List.of(), "us-east-1")) {
      CheckResult r = AwsCheck.run(clients);
      assertThat(r.enabled()).isFalse();
      assertThat(r.reason()).contains("no AWS credentials found").contains("aws configure")
          .contains("AWS_PROFILE").contains("sky check again");
    }
  }

  @Test
  void anSsoProfileIsUnderstoodAndAnExpiredLoginSaysToLogIn() throws Exception {
    Path config = Files.writeString(root.resolve("config"), """
        [profile work]
        sso_start_url = https://sky4j-test.awsapps.com/start
        sso_region = us-east-1
        sso_account_id = 123456789012
        sso_role_name = Dev
        region = us-east-1
        """);
    // the SDK's real profile chain: with its sso module in the jar it reads the profile as SSO
    // and asks for the cached login token (none here) instead of failing on a missing module
    var sso = ProfileCredentialsProvider.builder()
        .profileFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build())
        .profileName("work").build();
    try (Ec2Clients clients = new Ec2Clients(sso, null, List.of(), "us-east-1")) {
      CheckResult r = AwsCheck.run(clients);
      assertThat(r.enabled()).isFalse();
      assertThat(r.reason()).doesNotContainIgnoringCase("class path").doesNotContainIgnoringCase("classpath")
          .contains("aws sso login");
      System.out.println("SSO check: " + r.reason());
    }
  }
}
