package dev.newsticker.store;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which failures mean "PostgreSQL is away" (503, retry) and which are the statement's own fault. */
class PgFailuresTest {

  @Test
  void connectionTroubleIsUnavailability() {
    for (Throwable failure : new Throwable[]{
      new ConnectException("Connection refused"),
      ClosedConnectionException.INSTANCE,
      new NoStackTraceTimeoutException("operation timed out"),
      new VertxException("Connection is not active now, current status: CLOSED"),
      new VertxException("Pending requests failed to be sent due to connection has been closed."),
      new VertxException("wrapped", new ConnectException("Connection refused")),
      new PgException("terminating connection due to administrator command", "FATAL", "57P01", null),
      new PgException("connection failure", "FATAL", "08006", null),
      new PgException("cannot execute INSERT in a read-only transaction", "ERROR", "25006", null)}) {
      assertInstanceOf(StoreUnavailableException.class, PgFailures.classify(failure), failure.toString());
    }
  }

  @Test
  void statementFaultsStayAsTheyAre() {
    for (Throwable failure : new Throwable[]{
      new PgException("duplicate key value violates unique constraint \"events_pkey\"", "ERROR", "23505", null),
      new PgException("syntax error", "ERROR", "42601", null),
      new VertxException("Parameter at position[1] can not be coerced"),
      new IllegalArgumentException("bad")}) {
      assertSame(failure, PgFailures.classify(failure));
    }
  }
}
