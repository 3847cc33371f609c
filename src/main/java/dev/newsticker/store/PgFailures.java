package dev.newsticker.store;

import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells "PostgreSQL is away" from "this statement is wrong": the first becomes a
 * {@link StoreUnavailableException} (HTTP 503, retry later), the second stays as it is (a bug or
 * a broken contract, such as a duplicate seq).
 */
final class PgFailures {

  /** SQLSTATE classes and codes that mean the server cannot serve us now, not that the statement is wrong. */
  private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57");
  private static final Set<String> UNAVAILABLE_STATES = Set.of("25006"); // read-only: a standby after failover

  /**
   * The client's own words for a connection that closed under a command, which it reports as a
   * bare VertxException. (A connection the pool cannot hand out is unavailability whatever its
   * words: {@code PgStoryStore} tells it by where it failed.)
   */
  private static final List<String> CONNECTION_TROUBLE = List.of(
    "Connection is not active now",
    "Pending requests failed to be sent due to connection has been closed");

  private PgFailures() {
  }

  /** Bounds an operation in time and turns connection trouble into {@link StoreUnavailableException}. */
  static <T> Future<T> guard(Future<T> operation, int timeoutMillis) {
    return operation
      .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
      .recover(failure -> Future.failedFuture(classify(failure)));
  }

  static Throwable classify(Throwable failure) {
    if (failure instanceof StoreUnavailableException) {
      return failure;
    }
    if (failure instanceof DatabaseException db) {
      String state = db.getSqlState() == null ? "" : db.getSqlState();
      return UNAVAILABLE_STATES.contains(state) || UNAVAILABLE_CLASSES.contains(prefix(state))
        ? unavailable(failure)
        : failure;
    }
    String message = String.valueOf(failure.getMessage());
    if (failure instanceof VertxException && CONNECTION_TROUBLE.stream().anyMatch(message::startsWith)) {
      return unavailable(failure);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException || cause instanceof TimeoutException || cause instanceof ClosedConnectionException) {
        return unavailable(failure);
      }
    }
    return failure;
  }

  static StoreUnavailableException unavailable(Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new StoreUnavailableException("PostgreSQL is unavailable: " + detail, cause);
  }

  private static String prefix(String state) {
    return state.length() < 2 ? state : state.substring(0, 2);
  }
}
