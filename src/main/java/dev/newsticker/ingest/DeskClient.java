package dev.newsticker.ingest;

import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** Hands items to the desk over the event bus, in bounded batches, in order. */
final class DeskClient {
  private static final int BATCH = 200;

  private final Vertx vertx;

  DeskClient(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<List<PublishResult>> ingest(List<FeedItem> items) {
    List<PublishResult> results = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < items.size(); from += BATCH) {
      List<FeedItem> batch = items.subList(from, Math.min(items.size(), from + BATCH));
      chain = chain.compose(v -> send(batch)).map(batchResults -> {
        results.addAll(batchResults);
        return null;
      });
    }
    return chain.map(v -> results);
  }

  private Future<List<PublishResult>> send(List<FeedItem> batch) {
    JsonObject request = new JsonObject()
      .put("items", new JsonArray(batch.stream().map(FeedItem::toJson).toList()));
    return vertx.eventBus().<JsonObject>request(DeskAddresses.INGEST, request)
      .map(reply -> reply.body().getJsonArray("results", new JsonArray()).stream()
        .map(r -> PublishResult.fromJson((JsonObject) r))
        .toList());
  }
}
