package dev.newsticker.store;

import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.IntStream;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.store.StoryFixtures.created;
import static dev.newsticker.store.StoryFixtures.story;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL going away under a running store, simulated by a proxy between them: fail fast, then heal. */
@ExtendWith(VertxExtension.class)
class PgOutageTest {

  private static final PgStoreOptions QUICK = new PgStoreOptions(4, 1000, 2000);

  private Vertx vertx;
  private PgTestSupport.TestSchema schema;
  private TcpProxy proxy;
  private PgStoryStore store;

  private final Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
  private final Story b = story("b", "Markets open higher", "business", false, 2, "rtr");

  @BeforeAll
  static void requirePostgres() {
    PgTestSupport.assumeReachable();
  }

  @BeforeEach
  void openThroughProxy(Vertx vertx) {
    this.vertx = vertx;
    schema = PgTestSupport.freshSchema(vertx);
    PgConnectOptions target = PgConnectOptions.fromUri(PgTestSupport.URL);
    proxy = new TcpProxy(vertx, target.getHost(), target.getPort());
    int port = await(proxy.start());
    store = new PgStoryStore(vertx, schema.urlVia("127.0.0.1", port), QUICK);
    await(store.open());
    await(store.append(List.of(created(a, "url:a"))));
  }

  @AfterEach
  void tearDown() {
    await(store.close());
    await(proxy.close());
    PgTestSupport.drop(vertx, schema);
  }

  @Test
  void databaseDownFailsFastThenHeals() {
    await(proxy.cut());

    assertUnavailable();

    proxy.restore();
    awaitReady();
    await(store.append(List.of(created(b, "url:b"))));
    assertEquals(List.of(created(a).event(), created(b).event()), await(store.eventsAfter(0, 100)));
  }

  @Test
  void silentNetworkFailsWithinTheOperationTimeThenHeals() {
    proxy.freeze();

    assertUnavailable();

    // the partition ends the way they do: connections reset, then the database answers again
    await(proxy.cut());
    proxy.restore();
    awaitReady();
    assertEquals(List.of(created(a).event()), await(store.eventsAfter(0, 100)));
    await(store.append(List.of(created(b, "url:b"))));
    assertEquals(2, await(StoryFixtures.deskState(store)).topSeq());
  }

  /** Issue 21, item 3: the pool's own timeout ("Timeout", no type of its own) is unavailability too. */
  @Test
  void operationsWaitingForAConnectionOnASilentNetworkAreUnavailable() {
    proxy.freeze();

    List<Future<List<StoryEvent>>> waiting = IntStream.range(0, 3 * QUICK.poolSize())
      .mapToObj(i -> store.eventsAfter(0, 10)).toList();

    for (Future<List<StoryEvent>> operation : waiting) {
      assertThrows(StoreUnavailableException.class, () -> await(operation));
    }
  }

  private void assertUnavailable() {
    assertThrows(StoreUnavailableException.class, () -> await(store.append(List.of(created(b, "url:b")))));
    assertThrows(StoreUnavailableException.class, () -> await(store.newest(10, StoryFilter.ALL, null)));
    assertThrows(StoreUnavailableException.class, () -> await(store.eventsAfter(0, 10)));
    assertFalse(await(store.ready()));
  }

  /** The pool reconnects on demand: readiness comes back without anyone reopening the store. */
  private void awaitReady() {
    for (int attempt = 0; attempt < 120 && !await(store.ready()); attempt++) {
      await(vertx.timer(250));
    }
    assertTrue(await(store.ready()));
  }

}
