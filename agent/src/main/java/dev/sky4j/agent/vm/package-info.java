/**
 * The agent on a cloud VM ("VM mode", {@code vm=true} in {@code node.properties}, written by
 * the server's {@code OpenSshBootstrap}): no SSH server of its own — the machine's OpenSSH
 * serves SSH, and autostop reads its established connections from {@code /proc/net/tcp{,6}}
 * ({@link dev.sky4j.agent.vm.OpenSshActivity}); the node stops itself with the machine's own
 * {@code sudo shutdown -h now} ({@link dev.sky4j.agent.vm.VmSelfStop}), so the cloud's
 * instance-initiated shutdown behaviour (stop, or terminate for {@code --down}) applies and no
 * cloud credentials live on a node.
 */
package dev.sky4j.agent.vm;
