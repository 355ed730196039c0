package dev.sky4j.provision;

/** {@code sky check}'s answer for one cloud: usable or not, and in plain words why. */
public record CheckResult(String cloud, boolean enabled, String reason) {}
