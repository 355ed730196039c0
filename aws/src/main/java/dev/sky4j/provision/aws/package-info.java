/**
 * The AWS cloud: EC2 instances (on-demand and spot), security groups, images, tags, and S3
 * storage, on aws-sdk-java-v2. Depends on the server's provider SPI ({@code dev.sky4j.provision})
 * and core; nothing in the server depends on this package (it is found through the provider
 * seam), so the agent and the language server never carry the SDK.
 */
package dev.sky4j.provision.aws;
