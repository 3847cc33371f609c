package dev.newsticker.model;

import io.vertx.core.json.JsonObject;

/** What the desk made of one published item: the story it belongs to, and the event it caused. */
public record PublishResult(String storyId, long seq, String type) {

  public JsonObject toJson() {
    return RecordJson.toJsonObject(this);
  }

  public static PublishResult fromJson(JsonObject json) {
    return RecordJson.fromJsonObject(json, PublishResult.class);
  }
}
