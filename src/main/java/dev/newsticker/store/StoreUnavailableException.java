package dev.newsticker.store;

/** The store cannot be reached or written right now; callers answer 503 and try again later. */
public class StoreUnavailableException extends RuntimeException {
  /** What a client is told: the store's own message (SQL, file names) stays in the log. */
  public static final String REASON = "the store is unavailable for a moment; try again shortly";
  /** Seconds a client waits before trying again (Retry-After). */
  public static final int RETRY_SECONDS = 5;

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
