"""The AWS simulator: moto's EC2 wire protocol plus simulated VMs (real OpenSSH sshd, one per
running instance) so the provider's whole path runs on this machine. See docs/aws-simulator.md."""
