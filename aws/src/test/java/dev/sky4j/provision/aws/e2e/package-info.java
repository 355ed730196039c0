/**
 * End-to-end tests of the AWS path through the simulator ({@code scripts/aws-sim}): the built
 * {@code sky} CLI and API server, the EC2 provider against moto behind the simulator's proxy,
 * and simulated VMs that are the real OpenSSH sshd, bootstrapped over the system's OpenSSH. The
 * simulator's injected capacity errors are a fake (its proxy answers in EC2's place); the rest is
 * real. {@link dev.sky4j.provision.aws.e2e.SimSky} is the fixture.
 */
package dev.sky4j.provision.aws.e2e;
