package dev.newsticker.ingest;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The feeds being polled and their state, kept in a small JSON file so that a restart is not a first fetch
 * (which would reload every feed as history and lose validators). Writes go through Vert.x's asynchronous
 * file system (worker threads), coalesced, to a temporary file that then replaces the old one.
 */
final class FeedRegistry {
  private static final Logger log = LoggerFactory.getLogger(FeedRegistry.class);
  /** Coalesces a poll round's changes; a crash loses at most this much, and resending is harmless. */
  private static final long SAVE_DELAY_MS = 2000;

  private final Vertx vertx;
  private final Path file;
  private final Map<String, FeedState> feeds = new LinkedHashMap<>();
  /** Configured feeds deleted over the API: they stay deleted across restarts. */
  private final Set<String> deletedConfigured = new HashSet<>();
  private long saveTimer = -1;
  private Future<Void> lastSave = Future.succeededFuture();

  private FeedRegistry(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  /** Loads the saved state, then adds configured feeds not seen before. */
  static Future<FeedRegistry> load(Vertx vertx, FeedSettings settings) {
    FeedRegistry registry = new FeedRegistry(vertx, settings.stateFile());
    FileSystem fs = vertx.fileSystem();
    String path = settings.stateFile().toString();
    return fs.exists(path)
      .compose(exists -> exists ? fs.readFile(path).map(Buffer::toJsonObject) : Future.succeededFuture(new JsonObject()))
      .recover(e -> {
        // An unreadable state file costs validators and history marks, never the server's start.
        log.warn("Ignoring unreadable feed state {}: {}", path, e.getMessage());
        return Future.succeededFuture(new JsonObject());
      })
      .map(json -> {
        registry.restore(json, settings);
        return registry;
      });
  }

  private void restore(JsonObject json, FeedSettings settings) {
    json.getJsonArray("deletedConfigured", new JsonArray()).forEach(id -> deletedConfigured.add(String.valueOf(id)));
    for (Object value : json.getJsonArray("feeds", new JsonArray())) {
      try {
        FeedState state = FeedState.fromJson((JsonObject) value);
        feeds.put(state.id(), state);
      } catch (RuntimeException e) {
        log.warn("Skipping an unreadable feed in {}: {}", file, e.getMessage());
      }
    }
    for (FeedDefinition configured : settings.feeds()) {
      if (!deletedConfigured.contains(configured.id())) {
        FeedState known = feeds.get(configured.id());
        // The configuration is the authority for its own feeds' source, category and interval.
        FeedState state = new FeedState(configured);
        if (known != null) {
          state = FeedState.fromJson(known.toJson().put("feed", configured.toJson()));
        }
        feeds.put(configured.id(), state);
      }
    }
  }

  Collection<FeedState> all() {
    return feeds.values();
  }

  FeedState get(String id) {
    return feeds.get(id);
  }

  void add(FeedState state) {
    deletedConfigured.remove(state.id());
    feeds.put(state.id(), state);
    changed();
  }

  FeedState remove(String id) {
    FeedState state = feeds.remove(id);
    if (state != null && state.definition.fromConfig()) {
      deletedConfigured.add(id);
    }
    changed();
    return state;
  }

  /** Schedules a write; bursts of changes (a poll round) become one write. */
  void changed() {
    if (saveTimer < 0) {
      saveTimer = vertx.setTimer(SAVE_DELAY_MS, id -> save());
    }
  }

  Future<Void> save() {
    vertx.cancelTimer(saveTimer);
    saveTimer = -1;
    JsonObject json = new JsonObject()
      .put("deletedConfigured", new JsonArray(deletedConfigured.stream().sorted().toList()))
      .put("feeds", new JsonArray(feeds.values().stream().map(FeedState::toJson).toList()));
    Buffer bytes = json.toBuffer();
    FileSystem fs = vertx.fileSystem();
    String target = file.toString();
    String temporary = target + ".tmp";
    String dir = file.toAbsolutePath().getParent().toString();
    lastSave = lastSave.transform(ignored -> fs.mkdirs(dir)
      .compose(v -> fs.writeFile(temporary, bytes))
      .compose(v -> fs.move(temporary, target, new CopyOptions().setReplaceExisting(true).setAtomicMove(true)))
      .onFailure(e -> log.warn("Cannot save the feed registry to {}: {}", target, e.getMessage())));
    return lastSave;
  }
}
