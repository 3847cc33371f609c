package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.newsticker.model.JsonFields.instant;
import static dev.newsticker.model.JsonFields.putIfPresent;

/**
 * Everything the poller knows about one feed: validators, the entries it has handed to the desk, the
 * history of new-item arrivals (for the adaptive interval), its status and its WebSub subscription.
 * Mutable, and touched only on the poller verticle's event loop.
 */
final class FeedState {
  /** Ids kept beyond those in the latest document: enough for entries that drop out and come back. */
  private static final int SEEN_EXTRA = 100;
  private static final int ARRIVALS_CAP = 16;

  final FeedDefinition definition;
  String etag;
  String lastModified;
  /** True once a first fetch has been handed to the desk: later entries are news, not history. */
  boolean primed;
  Instant firstSuccess;
  final Map<String, String> seen = new LinkedHashMap<>();
  final Deque<Instant> arrivals = new ArrayDeque<>();

  Instant lastFetch;
  Instant lastSuccess;
  Instant nextFetch;
  Integer httpStatus;
  int items;
  int consecutiveErrors;
  String lastError;
  /** When the current run of failed fetches began; null while the feed works. */
  Instant failingSince;
  final LastDay lastDay = new LastDay();

  final WebSubState websub = new WebSubState();

  long timerId = -1;
  boolean removed;

  FeedState(FeedDefinition definition) {
    this.definition = definition;
  }

  String id() {
    return definition.id();
  }

  /** The items that are new or differ (headline, summary, link) from what was last handed to the desk. */
  List<FeedItem> changed(List<FeedItem> items) {
    return items.stream().filter(item -> !hash(item).equals(seen.get(item.id()))).toList();
  }

  boolean isNew(FeedItem item) {
    return !seen.containsKey(item.id());
  }

  /**
   * Records what the desk now has: {@code sent} with their content; {@code current} (the whole latest document)
   * stays, older ids are dropped beyond a few, so the saved state stays small. A dropped id that comes back is
   * merely sent again, and the desk answers it by identity.
   */
  void remember(List<FeedItem> sent, List<FeedItem> current) {
    for (FeedItem item : sent) {
      seen.remove(item.id());
      seen.put(item.id(), hash(item));
    }
    Set<String> keep = new HashSet<>();
    current.forEach(item -> keep.add(item.id()));
    int extras = (int) seen.keySet().stream().filter(id -> !keep.contains(id)).count();
    Iterator<String> oldest = seen.keySet().iterator();
    while (extras > SEEN_EXTRA && oldest.hasNext()) {
      if (!keep.contains(oldest.next())) {
        oldest.remove();
        extras--;
      }
    }
  }

  void arrived(Instant at) {
    arrivals.addLast(at);
    while (arrivals.size() > ARRIVALS_CAP) {
      arrivals.removeFirst();
    }
  }

  private static String hash(FeedItem item) {
    return Hashes.sha256(item.headline() + "\n" + item.summary() + "\n" + item.url()).substring(0, 16);
  }

  /** The feed as GET /api/v1/feeds shows it. */
  JsonObject toApiJson() {
    JsonObject status = new JsonObject()
      .put("state", lastFetch == null ? "pending" : consecutiveErrors > 0 ? "failing" : "ok")
      .put("items", items)
      .put("consecutiveErrors", consecutiveErrors);
    putIfPresent(status, "lastFetch", lastFetch);
    putIfPresent(status, "lastSuccess", lastSuccess);
    putIfPresent(status, "nextFetch", nextFetch);
    putIfPresent(status, "httpStatus", httpStatus);
    putIfPresent(status, "lastError", lastError);
    putIfPresent(status, "failingSince", failingSince);
    status.put("itemsLast24h", lastDay.total(Instant.now()));
    putIfPresent(status, "websub", websub.toApiJson());
    return definition.toJson().put("status", status);
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("feed", definition.toJson())
      .put("primed", primed)
      .put("seen", new JsonObject(new LinkedHashMap<String, Object>(seen)))
      .put("arrivals", new JsonArray(arrivals.stream().map(Instant::toString).toList()))
      .put("items", items)
      .put("consecutiveErrors", consecutiveErrors)
      .put("websub", websub.toJson())
      .put("lastDay", lastDay.toJson());
    putIfPresent(json, "failingSince", failingSince);
    putIfPresent(json, "etag", etag);
    putIfPresent(json, "lastModified", lastModified);
    putIfPresent(json, "firstSuccess", firstSuccess);
    putIfPresent(json, "lastFetch", lastFetch);
    putIfPresent(json, "lastSuccess", lastSuccess);
    putIfPresent(json, "nextFetch", nextFetch);
    putIfPresent(json, "httpStatus", httpStatus);
    return putIfPresent(json, "lastError", lastError);
  }

  static FeedState fromJson(JsonObject json) {
    FeedState state = new FeedState(FeedDefinition.fromJson(json.getJsonObject("feed")));
    state.etag = json.getString("etag");
    state.lastModified = json.getString("lastModified");
    state.primed = json.getBoolean("primed", false);
    state.firstSuccess = instant(json, "firstSuccess");
    json.getJsonObject("seen", new JsonObject()).forEach(e -> state.seen.put(e.getKey(), String.valueOf(e.getValue())));
    json.getJsonArray("arrivals", new JsonArray()).forEach(a -> state.arrivals.add(Instant.parse(String.valueOf(a))));
    state.lastFetch = instant(json, "lastFetch");
    state.lastSuccess = instant(json, "lastSuccess");
    state.nextFetch = instant(json, "nextFetch");
    state.httpStatus = json.getInteger("httpStatus");
    state.items = json.getInteger("items", 0);
    state.consecutiveErrors = json.getInteger("consecutiveErrors", 0);
    state.lastError = json.getString("lastError");
    state.failingSince = instant(json, "failingSince");
    state.lastDay.load(json.getJsonObject("lastDay", new JsonObject()));
    state.websub.load(json.getJsonObject("websub", new JsonObject()));
    return state;
  }
}
