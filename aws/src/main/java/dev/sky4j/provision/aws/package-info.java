/**
 * The AWS cloud on aws-sdk-java-v2: {@link dev.sky4j.provision.aws.AwsProvider} (the verbs, on
 * instance tags), registered by {@link dev.sky4j.provision.aws.AwsProviderFactory} through
 * {@code META-INF/services}. One job per class: clients and retries ({@code Ec2Clients},
 * {@code Throttling}), tags ({@code InstanceTags}), cloud-init ({@code UserData}), images
 * ({@code Images}), VPC and subnets ({@code Network}), security groups ({@code SecurityGroups}),
 * disks ({@code Disks}), the launch call with zone failover ({@code Launcher}), EC2 errors to
 * typed failures ({@code AwsErrors}), {@code sky check} ({@code AwsCheck}), the {@code aws:}
 * config ({@code AwsConfig}), simulator host resolution ({@code SimHosts}). Nothing in the server
 * depends on this package, so the agent and the language server never carry the SDK. S3 storage
 * lives in {@code dev.sky4j.provision.aws.s3}. See docs/aws.md.
 */
package dev.sky4j.provision.aws;
