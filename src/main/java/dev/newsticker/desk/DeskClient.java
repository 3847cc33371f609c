package dev.newsticker.desk;

import dev.newsticker.config.ConfigReader;
import dev.newsticker.config.Settings;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The desk's requests ({@link DeskAddresses}) as every source sends them: the publish route, the
 * feeds, the drop folder and the demo. Items go in requests of at most {@code maxItems}, in
 * order; a failure comes back as the desk's {@link io.vertx.core.eventbus.ReplyException}.
 */
public final class DeskClient {
  private final Vertx vertx;
  private final DeliveryOptions delivery;
  private final int maxItems;

  /** {@code timeoutMillis}: long enough for a desk taking over in a cluster to load its state, short enough to answer. */
  public DeskClient(Vertx vertx, int timeoutMillis, int maxItems) {
    this.vertx = vertx;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
    this.maxItems = maxItems;
  }

  /** {@code desk.requestTimeoutMillis}; a request holds at most {@code limits.itemsPerPublish} items, so a publish is one. */
  public static DeskClient from(Vertx vertx, Settings settings) {
    int timeout = new ConfigReader(settings.section("desk"), "desk").integer("requestTimeoutMillis", 10_000, 100, 600_000);
    return new DeskClient(vertx, timeout, settings.limits().itemsPerPublish());
  }

  public Future<List<PublishResult>> ingest(List<FeedItem> items) {
    List<PublishResult> results = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < items.size(); from += maxItems) {
      List<FeedItem> batch = items.subList(from, Math.min(items.size(), from + maxItems));
      chain = chain.compose(v -> request(DeskAddresses.INGEST, new JsonObject()
        .put("items", new JsonArray(batch.stream().map(FeedItem::toJson).toList())))
        .map(batchResults -> {
          results.addAll(batchResults);
          return null;
        }));
    }
    return chain.map(v -> results);
  }

  /** Fails with 404 for an unknown story. */
  public Future<PublishResult> retract(String storyId) {
    return request(DeskAddresses.RETRACT, new JsonObject().put("id", storyId)).map(results -> results.get(0));
  }

  /** An editor undoes a retraction: the story is live again (story.new). 404 unknown story, 409 not retracted. */
  public Future<PublishResult> restore(String storyId, String by) {
    return request(DeskAddresses.RESTORE, new JsonObject().put("id", storyId).put("by", by)).map(results -> results.get(0));
  }

  /** An editor's edit of a story; {@code by} names the editor. Fails with 404 for an unknown story. */
  public Future<PublishResult> edit(String storyId, StoryEdit edit, String by) {
    return request(DeskAddresses.EDIT, new JsonObject().put("id", storyId).put("by", by).put("edit", edit.toJson()))
      .map(results -> results.get(0));
  }

  /** An editor sets a story's breaking flag until {@code until}, or ends it (null). 404 unknown story, 409 not breaking. */
  public Future<PublishResult> breaking(String storyId, Instant until, String by) {
    return request(DeskAddresses.BREAKING, new JsonObject().put("id", storyId).put("by", by).put("until", until))
      .map(results -> results.get(0));
  }

  /** An editor merges {@code storyId} into {@code into}: the survivor's result (story.merged). 400 into itself, 404 unknown. */
  public Future<PublishResult> merge(String storyId, String into, String by) {
    return request(DeskAddresses.MERGE, new JsonObject().put("id", storyId).put("into", into).put("by", by))
      .map(results -> results.get(0));
  }

  /**
   * An editor splits revision {@code revision} (and the later ones of its item), or every revision of
   * {@code source}, or what the merge of story {@code merged} brought, out of a story: the story's
   * result, then the new (or restored) story's.
   */
  public Future<List<PublishResult>> split(String storyId, Integer revision, String source, String merged, String by) {
    return request(DeskAddresses.SPLIT, new JsonObject().put("id", storyId).put("revision", revision)
      .put("source", source).put("merged", merged).put("by", by));
  }

  /** An editor tells two stories apart: the desk never merges them. 404 unknown, 400 the same story. */
  public Future<Void> apart(String storyId, String from, String by) {
    return request(DeskAddresses.APART, new JsonObject().put("id", storyId).put("from", from).put("by", by)).mapEmpty();
  }

  /** The desk's doubts, newest first: {@code {"doubts": [...]}}. */
  public Future<JsonObject> doubts(int limit) {
    return vertx.eventBus().<JsonObject>request(DeskAddresses.DOUBTS, new JsonObject().put("limit", limit), delivery)
      .map(reply -> reply.body());
  }

  /** An editor agrees with the desk: the doubt goes. 404 when there is no such doubt. */
  public Future<Void> dismissDoubt(String doubtId) {
    return vertx.eventBus().request(DeskAddresses.DOUBTS, new JsonObject().put("dismiss", doubtId), delivery).mapEmpty();
  }

  private Future<List<PublishResult>> request(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, delivery)
      .map(reply -> reply.body().getJsonArray("results", new JsonArray()).stream()
        .map(result -> PublishResult.fromJson((JsonObject) result))
        .toList());
  }
}
