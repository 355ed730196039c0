/**
 * Bootstrap of a fresh VM over the system's OpenSSH (contract §6): the agent, a Java runtime for
 * it and a service unit, used by providers whose nodes are not the agent (AWS). On the aws-ec2
 * branch this holds a placeholder; the simulator branch brings the implementation.
 */
package dev.sky4j.provision.bootstrap;
