package dev.sky4j.provision.aws;

import dev.sky4j.provision.CheckResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code sky check} for AWS: credentials from the default chain, then STS GetCallerIdentity (the
 * one call that needs no permission), so the answer names the identity the user launches as, or
 * says in plain words what to do. Never prints a key.
 */
final class AwsCheck {
  static final String ADVICE = "set up credentials: `aws configure` (access key), or "
      + "`aws configure sso` then `aws sso login` and `export AWS_PROFILE=<profile>`, or "
      + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY in the environment; then run sky check again";

  private AwsCheck() {}

  static CheckResult run(Ec2Clients clients) {
    try {
      clients.credentials().resolveCredentials();
    } catch (SdkException | IllegalStateException e) {
      String profile = System.getenv("AWS_PROFILE");
      // the SDK's own message lists every provider class of its chain: noise to a user
      String why = firstLine(e).startsWith("Unable to load credentials from any of the providers")
          ? "" : " (" + firstLine(e) + ")";
      return new CheckResult("aws", false, "no AWS credentials found in the environment, "
          + "~/.aws/credentials or ~/.aws/config (profile " + (profile == null ? "default" : profile)
          + ")" + why + "; " + ADVICE);
    }
    try {
      GetCallerIdentityResponse id = clients.sts().getCallerIdentity();
      return new CheckResult("aws", true, "identity " + id.arn() + " (account " + id.account()
          + "), default region " + clients.defaultRegion());
    } catch (SdkException e) {
      String code = AwsErrors.code(e);
      return new CheckResult("aws", false, "AWS rejected the credentials"
          + (code == null ? " (" + firstLine(e) + ")" : " (" + code + ")") + "; "
          + (code != null && code.contains("Expired") ? "log in again (aws sso login)" : ADVICE));
    }
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
