package dev.newsticker.push;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryFilter;
import dev.newsticker.store.Snapshot;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One reader's connection, whatever its transport; lives on one event loop. It catches up first
 * (a snapshot, a replay, or both) while live events wait, then goes live. Events go straight to
 * the transport until it pushes back; then they wait in a bounded queue where events of one
 * story collapse to the newest. Past the bound the reader gets {@code resync} and a fresh
 * snapshot once it reads again, so a stalled reader never costs more than its bound.
 */
public abstract class Subscriber {
  private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);

  private final Streams streams;
  private final ReaderWire wire;
  private final ReaderQueue queue;
  private StoryFilter filter = StoryFilter.ALL;
  private int snapshotSize;
  private List<OutboundEvent> held;
  private boolean heldOverflow;
  private boolean resyncPending;
  private Map<String, Long> inSnapshot = Map.of();
  private long lastSeq;
  private int generation;
  private boolean live;
  private boolean closed;

  /** {@code wiring} chooses the reader's wire once; it is given what to run when the wire takes writes again. */
  protected Subscriber(Streams streams, Function<Runnable, ReaderWire> wiring) {
    this.streams = streams;
    this.wire = wiring.apply(this::drained);
    this.queue = new ReaderQueue(streams.settings().queueEvents(), streams.settings().queueBytes(), streams.metrics());
    streams.metrics().connected(transport());
  }

  /** Starts or restarts the subscription: replay after {@code since} when given, else a snapshot first. */
  public void subscribe(StoryFilter newFilter, Long since, int newSnapshotSize) {
    if (closed) {
      return;
    }
    filter = newFilter;
    snapshotSize = newSnapshotSize;
    queue.clear();
    inSnapshot = Map.of();
    held = new ArrayList<>();
    heldOverflow = false;
    lastSeq = since == null ? 0 : since;
    if (!live) {
      live = true;
      streams.hub().add(this);
    }
    int current = ++generation;
    Future<Void> caughtUp = since == null ? catchUpFromSnapshot(current) : catchUpFrom(since, current);
    caughtUp.onComplete(result -> {
      if (current != generation || closed) {
        return;
      }
      if (result.failed()) {
        LOG.warn("A reader could not catch up: {}", result.cause().getMessage());
        close("the server could not read its store");
        return;
      }
      List<OutboundEvent> waiting = held;
      held = null;
      if (heldOverflow) {
        overflow();
      } else {
        waiting.forEach(this::sendCounted);
      }
    });
  }

  /** A live event from this loop's hub; true when it went straight to the transport. */
  final boolean offer(OutboundEvent event) {
    if (closed || resyncPending || !event.concerns(filter)) {
      return false;
    }
    if (held != null) {
      if (held.size() < streams.settings().queueEvents()) {
        held.add(event);
      } else {
        heldOverflow = true;
      }
      return false;
    }
    return send(event);
  }

  private Future<Void> catchUpFrom(long since, int current) {
    return streams.replay().after(since).compose(events -> {
      if (current != generation || closed) {
        return Future.succeededFuture();
      }
      if (events.isEmpty()) {
        return resync("too many events since " + since, current);
      }
      if (events.get().isEmpty()) {
        return streams.replay().beyondLog(since).compose(beyond -> beyond && current == generation && !closed
          ? resync("the stream has no event " + since + " yet; start again from this snapshot", current)
          : Future.succeededFuture());
      }
      events.get().stream().filter(event -> event.concerns(filter)).forEach(this::sendCounted);
      return Future.succeededFuture();
    });
  }

  private Future<Void> resync(String reason, int current) {
    writeMessage(EventType.RESYNC, -1, resyncBody(reason));
    return catchUpFromSnapshot(current);
  }

  private Future<Void> catchUpFromSnapshot(int current) {
    return streams.replay().snapshot(snapshotSize, filter).compose(snapshot -> {
      if (current != generation || closed) {
        return Future.succeededFuture();
      }
      writeSnapshot(snapshot);
      return catchUpFrom(snapshot.seq(), current);
    });
  }

  private void writeSnapshot(Snapshot snapshot) {
    JsonArray stories = new JsonArray();
    // only a story that changed after the snapshot's seq (read a moment later) needs remembering:
    // any older event is already behind the cursor; usually none, and every live event skips the lookup
    Map<String, Long> newer = new HashMap<>();
    for (Story story : snapshot.stories()) {
      stories.add(story);
      if (story.lastSeq() > snapshot.seq()) {
        newer.put(story.id(), story.lastSeq());
      }
    }
    inSnapshot = newer.isEmpty() ? Map.of() : newer;
    lastSeq = snapshot.seq();
    writeMessage(EventType.SNAPSHOT, snapshot.seq(),
      new JsonObject().put("type", EventType.SNAPSHOT).put("seq", snapshot.seq()).put("stories", stories));
  }

  private void sendCounted(OutboundEvent event) {
    if (send(event)) {
      streams.metrics().delivered(1);
    }
  }

  /** Writes or queues {@code event} unless the reader has it; true when written now (the caller counts it). */
  private boolean send(OutboundEvent event) {
    if (closed || event.seq() <= lastSeq || event.seq() <= inSnapshot.getOrDefault(event.storyId(), 0L)) {
      return false;
    }
    lastSeq = event.seq();
    if (queue.isEmpty() && !wire.full()) {
      wire.event(event);
      return true;
    }
    if (!queue.add(event)) {
      overflow();
    }
    return false;
  }

  private void overflow() {
    queue.clear();
    streams.metrics().resynced();
    if (closeOnOverflow()) {
      close("reader too slow");
    } else {
      resyncPending = true;
      if (!wire.full()) {
        drained();
      }
    }
  }

  /** Events this reader should have had are lost: it is told so and starts over from a snapshot. */
  final void resync(String reason) {
    if (closed) {
      return;
    }
    resyncPending = false;
    streams.metrics().resynced();
    writeMessage(EventType.RESYNC, -1, resyncBody(reason));
    subscribe(filter, null, snapshotSize);
  }

  /** The transport can take writes again. */
  protected final void drained() {
    if (closed) {
      return;
    }
    if (resyncPending) {
      resyncPending = false;
      writeMessage(EventType.RESYNC, -1, resyncBody("reader fell behind"));
      subscribe(filter, null, snapshotSize);
      return;
    }
    while (!queue.isEmpty() && !wire.full()) {
      wire.event(queue.poll());
      streams.metrics().delivered(1);
    }
  }

  private JsonObject resyncBody(String reason) {
    return new JsonObject().put("type", EventType.RESYNC).put("seq", lastSeq).put("reason", reason);
  }

  /** The connection is gone or being closed: frees everything it held. */
  protected final void closed() {
    if (!closed) {
      closed = true;
      streams.metrics().disconnected(transport());
      queue.clear();
      held = null;
      streams.hub().remove(this);
    }
  }

  /** The transport's name in metrics: sse, websocket. */
  protected abstract String transport();

  /** A control message (snapshot, resync, error); {@code seq} below zero moves no cursor. */
  protected final void writeMessage(String type, long seq, JsonObject body) {
    wire.message(type, seq, body);
  }

  /** Keeps the connection alive, unless the reader has writes waiting anyway. */
  final void heartbeat() {
    if (!wire.full()) {
      wire.heartbeat();
    }
  }

  protected abstract boolean closeOnOverflow();

  protected abstract void close(String reason);
}
