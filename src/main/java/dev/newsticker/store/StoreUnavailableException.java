package dev.newsticker.store;

/** The store cannot be reached or written right now; callers answer 503 and try again later. */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
