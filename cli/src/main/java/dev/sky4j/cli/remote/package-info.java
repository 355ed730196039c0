/**
 * The CLI's side of the API server: finding or starting it ({@link
 * dev.sky4j.cli.remote.ServerConnection}, with the cloud jars beside it on its class path:
 * {@link dev.sky4j.cli.remote.ServerClasspath}), following request logs with detach on Ctrl-C, and
 * building request bodies from task flags. Uses the client module only (no Jackson: start-up
 * time is the CLI's budget).
 */
package dev.sky4j.cli.remote;
