package dev.newsticker.store;

/**
 * The store cannot be reached right now (database down, connection lost, no connection within
 * the timeout). The request may succeed later: the HTTP side answers 503 and readiness turns false.
 * When it fails an {@code append}, the batch may or may not have been committed (the connection
 * can drop during COMMIT), so a writer must re-read its state before writing again.
 */
public class StoreUnavailableException extends RuntimeException {

  public StoreUnavailableException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
