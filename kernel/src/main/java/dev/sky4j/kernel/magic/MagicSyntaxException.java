package dev.sky4j.kernel.magic;

/** A magic line the kernel cannot read; the message shows the right form. */
public final class MagicSyntaxException extends Exception {
  public MagicSyntaxException(String message) {
    super(message);
  }
}
