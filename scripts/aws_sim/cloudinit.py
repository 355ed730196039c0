"""The part of cloud-init a sky4j node needs, applied to a simulated VM's disk on first boot:
`users:` entries (name, sudo, shell, ssh_authorized_keys, groups ignored), like cloud-init's
users-groups and ssh modules. Unknown keys are tolerated and listed in the VM's console log, as
cloud-init warns about modules it does not run."""
import os
from pathlib import Path

import yaml

SUPPORTED = {"users"}
FIRST_UID = 1000


def parse(user_data: bytes):
    """(users, ignored top-level keys); a document that is not #cloud-config gives no users."""
    text = user_data.decode("utf-8", "replace")
    if not text.lstrip().startswith("#cloud-config"):
        return [], ["<not a #cloud-config document>"] if text.strip() else []
    doc = yaml.safe_load(text) or {}
    if not isinstance(doc, dict):
        return [], ["<not a mapping>"]
    users = []
    for u in doc.get("users") or []:
        if not isinstance(u, dict) or not u.get("name"):
            continue  # "default" and other forms: cloud-init's distro default user, not simulated
        keys = u.get("ssh_authorized_keys") or u.get("ssh-authorized-keys") or []
        sudo = u.get("sudo")
        sudo = [sudo] if isinstance(sudo, str) else [s for s in (sudo or []) if isinstance(s, str)]
        users.append({"name": str(u["name"]), "shell": str(u.get("shell") or "/bin/sh"),
                      "sudo": sudo, "keys": [str(k).strip() for k in keys]})
    return users, sorted(k for k in doc if k not in SUPPORTED)


def apply(disk: Path, users) -> None:
    """Adds the users to the disk's passwd/group/shadow, their homes and keys, and sudoers.d."""
    etc = disk / "etc"
    passwd = (etc / "passwd").read_text().splitlines()
    group = (etc / "group").read_text().splitlines()
    shadow = (etc / "shadow").read_text().splitlines()
    taken = {int(line.split(":")[2]) for line in passwd if line.count(":") >= 6}
    sudoers = []
    for u in users:
        name = u["name"]
        if any(line.startswith(name + ":") for line in passwd):
            continue
        uid = FIRST_UID
        while uid in taken:
            uid += 1
        taken.add(uid)
        passwd.append("%s:x:%d:%d::/home/%s:%s" % (name, uid, uid, name, u["shell"]))
        group.append("%s:x:%d:" % (name, uid))
        shadow.append("%s:*:19000:0:99999:7:::" % name)  # no password, not locked (key only)
        home = disk / "home" / name
        ssh = home / ".ssh"
        ssh.mkdir(parents=True, exist_ok=True)
        (ssh / "authorized_keys").write_text("".join(k + "\n" for k in u["keys"]))
        for p, mode in ((home, 0o755), (ssh, 0o700), (ssh / "authorized_keys", 0o600)):
            os.chown(p, uid, uid)
            os.chmod(p, mode)
        sudoers += ["%s %s" % (name, rule) for rule in u["sudo"]]
    (etc / "passwd").write_text("\n".join(passwd) + "\n")
    (etc / "group").write_text("\n".join(group) + "\n")
    (etc / "shadow").write_text("\n".join(shadow) + "\n")
    os.chmod(etc / "shadow", 0o640)
    if sudoers:
        f = etc / "sudoers.d" / "90-cloud-init-users"
        f.write_text("# Created by aws-sim's cloud-init subset\n" + "\n".join(sudoers) + "\n")
        os.chmod(f, 0o440)
