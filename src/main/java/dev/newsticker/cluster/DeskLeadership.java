package dev.newsticker.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure exactly one node runs the desk group. Leadership is a PostgreSQL advisory lock held
 * on a connection of its own: the database that every desk writes to decides who may write, and
 * a node that dies (kill -9 included) loses its connection and with it the lock at once. Nodes
 * without it try again every {@code leaderPollMillis}. A leader whose connection breaks stops its
 * desk group before anyone else can take over.
 */
public final class DeskLeadership {
  private static final Logger LOG = LoggerFactory.getLogger(DeskLeadership.class);
  /** The advisory lock's key: "NEWSDESK" in ASCII. */
  static final long LOCK_KEY = 0x4E45575344455343L;

  private final Vertx vertx;
  private final PgConnectOptions connect;
  private final LeaderGroup group;
  private final int pollMillis;
  private SqlConnection connection;
  private long timer = -1;
  private boolean leader;
  private boolean stopped;

  public DeskLeadership(Vertx vertx, String pgUrl, LeaderGroup group, int pollMillis) {
    this.vertx = vertx;
    this.connect = PgConnectOptions.fromUri(pgUrl);
    this.group = group;
    this.pollMillis = pollMillis;
  }

  /** Starts competing for the desk; completes at once, leadership may come later. */
  public Future<Void> start() {
    tryToLead();
    return Future.succeededFuture();
  }

  public boolean leader() {
    return leader;
  }

  private void tryToLead() {
    if (stopped) {
      return;
    }
    openConnection()
      .compose(conn -> conn.query("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")").execute()
        .map(rows -> rows.iterator().next().getBoolean(0)))
      .onSuccess(acquired -> {
        if (acquired) {
          becomeLeader();
        } else {
          retryLater();
        }
      })
      .onFailure(failure -> {
        LOG.debug("Desk leadership not available now: {}", failure.getMessage());
        dropConnection();
        retryLater();
      });
  }

  private Future<SqlConnection> openConnection() {
    if (connection != null) {
      return Future.succeededFuture(connection);
    }
    return PgConnection.connect(vertx, connect).map(conn -> {
      connection = conn;
      conn.closeHandler(closed -> lostConnection());
      return conn;
    });
  }

  private void becomeLeader() {
    leader = true;
    LOG.info("This node holds the desk: starting the desk and the sources");
    group.deploy().onFailure(failure -> {
      LOG.error("Could not start the desk group; giving up the desk", failure);
      resign();
    });
    timer = vertx.setPeriodic(pollMillis, id -> connection.query("SELECT 1").execute()
      .onFailure(failure -> lostConnection()));
  }

  private void lostConnection() {
    connection = null;
    if (leader) {
      LOG.warn("Lost the desk's database connection: stopping the desk group");
      resign();
    }
  }

  private void resign() {
    leader = false;
    vertx.cancelTimer(timer);
    group.undeploy().onComplete(done -> {
      dropConnection();
      retryLater();
    });
  }

  private void retryLater() {
    if (!stopped) {
      vertx.setTimer(pollMillis, id -> tryToLead());
    }
  }

  private void dropConnection() {
    if (connection != null) {
      SqlConnection closing = connection;
      connection = null;
      closing.close();
    }
  }

  /** Gives up the desk: the group stops, then the lock goes with the connection. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    Future<Void> undeployed = leader ? group.undeploy() : Future.succeededFuture();
    leader = false;
    return undeployed.eventually(() -> connection == null ? Future.succeededFuture() : connection.close());
  }
}
