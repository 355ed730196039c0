/**
 * The CLI's side of the API server: finding or starting it ({@link
 * dev.sky4j.cli.remote.ServerConnection}), following request logs with detach on Ctrl-C, and
 * building request bodies from task flags. Uses the client module only (no Jackson: start-up
 * time is the CLI's budget).
 */
package dev.sky4j.cli.remote;
