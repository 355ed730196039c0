package dev.sky4j.provision.aws;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The instance's user data (contract §2): a cloud-init document that creates the login user with
 * passwordless sudo and the cluster's public key, so no EC2 key pair is ever made or left behind.
 */
final class UserData {
  private UserData() {}

  static String cloudInit(String user, String publicKeyLine) {
    if (!user.matches("[a-z_][a-z0-9_-]{0,31}")) {
      throw new IllegalArgumentException("aws.ssh_user '" + user + "' is not a Linux user name");
    }
    // the key line is ours (KeyManager), one line with no quotes; YAML-quote it anyway
    String key = publicKeyLine.strip().replace("\\", "\\\\").replace("\"", "\\\"");
    return "#cloud-config\n"
        + "users:\n"
        + "  - name: " + user + "\n"
        + "    sudo: \"ALL=(ALL) NOPASSWD:ALL\"\n"
        + "    shell: /bin/bash\n"
        + "    ssh_authorized_keys: [\"" + key + "\"]\n"
        // apt's unattended upgrades hold the dpkg lock for minutes on a fresh Ubuntu VM
        + "write_files:\n"
        + "  - path: /etc/apt/apt.conf.d/20auto-upgrades\n"
        + "    content: |\n"
        + "      APT::Periodic::Update-Package-Lists \"0\";\n"
        + "      APT::Periodic::Unattended-Upgrade \"0\";\n";
  }

  static String base64(String cloudInit) {
    return Base64.getEncoder().encodeToString(cloudInit.getBytes(StandardCharsets.UTF_8));
  }
}
