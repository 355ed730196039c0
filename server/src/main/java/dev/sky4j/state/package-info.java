/**
 * The state store: SQLite through plain JDBC ({@link dev.sky4j.state.Database}), versioned schema
 * migrations, and one store class per table (clusters, usage, jobs, requests). Every state
 * transition is one transaction, so a server killed at any point restarts into a consistent view.
 * No secret ever reaches a row. May depend on the JDK, sqlite-jdbc and the client DTOs only.
 */
package dev.sky4j.state;
