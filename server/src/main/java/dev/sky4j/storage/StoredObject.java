package dev.sky4j.storage;

/** One object in a bucket: its key, size and the store's content tag (S3's ETag, unquoted). */
public record StoredObject(String key, long size, String etag) {}
