package dev.newsticker.push;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.store.H2StoryStore;
import dev.newsticker.store.StoryChange;
import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Events lost or repeated on the bus still reach readers once each, in order. */
class InOrderDeliveryTest {
  @TempDir
  Path dataDir;
  private Vertx vertx;
  private H2StoryStore store;
  private final List<Long> delivered = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    store = new H2StoryStore(vertx, dataDir);
    Await.result(store.open());
    List<StoryChange> changes = LongStream.rangeClosed(1, 8).mapToObj(InOrderDeliveryTest::created).toList();
    Await.result(store.append(changes));
  }

  @AfterEach
  void tearDown() {
    Await.result(store.close());
    Await.result(vertx.close());
  }

  @Test
  void gapsAreFilledFromTheStoreAndRepeatsDropped() {
    InOrderDelivery inOrder = new InOrderDelivery(vertx, store, 0, 30_000, event -> delivered.add(event.seq()),
      reason -> { });
    vertx.runOnContext(v -> {
      inOrder.accept(event(1));
      inOrder.accept(event(1));
      inOrder.accept(event(4));
      inOrder.accept(event(5));
      inOrder.accept(event(3));
      inOrder.accept(event(8));
    });
    Await.until("eight events in order", () -> delivered.size() >= 8);
    assertEquals(LongStream.rangeClosed(1, 8).boxed().toList(), delivered);
  }

  private static OutboundEvent event(long seq) {
    return OutboundEvent.of(created(seq).event());
  }

  private static StoryChange created(long seq) {
    Instant at = Instant.parse("2026-02-05T10:00:00Z").plusSeconds(seq);
    Story story = new Story("s" + seq, "Story " + seq, null, List.of(), null, "wire", List.of("wire"), null, null,
      List.of(), false, at, at, 1, seq, false);
    return new StoryChange(story, List.of("h:story " + seq), null, new StoryEvent(EventType.NEW, seq, at, story, null, null));
  }
}
