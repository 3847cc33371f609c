package dev.newsticker.ingest;

import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.model.EventType;
import dev.newsticker.model.FeedItem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the desk on {@link DeskAddresses#INGEST}: records every item and answers as the desk would by
 * identity key (source, id): unknown gives story.new (or nothing, for history), a changed headline or summary
 * gives story.updated, the same again story.unchanged.
 */
final class DeskStub {
  record Event(String type, FeedItem item) {
  }

  final List<FeedItem> items = new CopyOnWriteArrayList<>();
  final List<Event> events = new CopyOnWriteArrayList<>();
  private final Map<String, String> stories = new ConcurrentHashMap<>();
  private MessageConsumer<JsonObject> consumer;

  Future<Void> register(Vertx vertx) {
    consumer = vertx.eventBus().consumer(DeskAddresses.INGEST, message -> {
      JsonArray results = new JsonArray();
      for (Object json : message.body().getJsonArray("items")) {
        FeedItem item = FeedItem.fromJson((JsonObject) json);
        items.add(item);
        String key = item.source() + "|" + (item.id() == null ? item.headline() : item.id());
        String content = item.headline() + "|" + item.summary();
        String before = stories.get(key);
        String type;
        if (before == null) {
          stories.put(key, content);
          type = item.history() ? EventType.UNCHANGED : EventType.NEW;
        } else if (!before.equals(content) && !item.history()) {
          stories.put(key, content);
          type = EventType.UPDATED;
        } else {
          type = EventType.UNCHANGED;
        }
        if (!type.equals(EventType.UNCHANGED)) {
          events.add(new Event(type, item));
        }
        results.add(new JsonObject().put("storyId", key).put("seq", events.size()).put("type", type));
      }
      message.reply(new JsonObject().put("results", results));
    });
    return consumer.completion();
  }

  List<Event> events(String type) {
    return events.stream().filter(e -> e.type().equals(type)).toList();
  }

  Future<Void> unregister() {
    return consumer.unregister();
  }
}
