package dev.newsticker.support;

import io.vertx.core.json.JsonObject;

/** One event as an SSE reader sees it. */
public record SseEvent(String id, String event, String data) {

  public JsonObject json() {
    return new JsonObject(data);
  }

  public long seq() {
    return Long.parseLong(id);
  }
}
