package dev.sky4j.storage;

/** What an upload did: files looked at, files sent (the rest were unchanged), bytes sent. */
public record UploadResult(int files, int uploaded, long bytes) {}
