package dev.sky4j.storage;

import java.io.IOException;

/**
 * Makes a {@link Store}; registered in {@code META-INF/services/dev.sky4j.storage.StoreFactory}
 * of the cloud module. {@link #open} runs on first use only, so a server that never touches a
 * bucket never loads an SDK.
 */
public interface StoreFactory {
  String kind();

  Store open() throws IOException;
}
