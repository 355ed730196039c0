/**
 * A local-cloud node's own filesystem view: {@link dev.sky4j.agent.fs.Namespaces} tells whether
 * this host lets a node run in a private mount namespace (and why not), {@link
 * dev.sky4j.agent.fs.PrivateRoot} is the wrapper that starts a node inside one (private root,
 * private {@code /tmp}), and {@link dev.sky4j.agent.fs.NodeMounts} binds file mounts and storage
 * at absolute paths inside it at run time, or falls back to paths under the node's home;
 * {@link dev.sky4j.agent.fs.TreeCopy} copies trees with links as links. Depends
 * on the JDK and {@code util-linux} ({@code unshare}, {@code mount}) only.
 */
package dev.sky4j.agent.fs;
