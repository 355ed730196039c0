package dev.sky4j.spec;

/** How bad a diagnostic is. Only {@link #ERROR} makes a file invalid; warnings keep old files working. */
public enum Severity { ERROR, WARNING, INFO }
