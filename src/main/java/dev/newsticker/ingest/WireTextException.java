package dev.newsticker.ingest;

/** Wire text that cannot be read as headlines; the message says where and why. */
public class WireTextException extends RuntimeException {

  public WireTextException(String message) {
    super(message);
  }
}
