package dev.sky4j.catalog;

/** A catalog file that cannot be read or parsed; the message names the file and line. */
public final class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
