package dev.newsticker.model;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

import static dev.newsticker.model.JsonFields.instant;
import static dev.newsticker.model.JsonFields.putIfPresent;

/**
 * A change to a story, as stored in the event log and sent to readers.
 *
 * @param previous the headline before an update, when it changed
 * @param change   the kind of update where it is clear: figure, wording, correction, source
 */
public record StoryEvent(String type, long seq, Instant at, Story story, String previous, String change) {

  /** The envelope of the public contract: the same JSON in the log, on SSE and on WebSocket. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("type", type)
      .put("seq", seq)
      .put("at", at.toString())
      .put("story", story.toJson());
    putIfPresent(json, "previous", previous);
    return putIfPresent(json, "change", change);
  }

  public static StoryEvent fromJson(JsonObject json) {
    return new StoryEvent(
      json.getString("type"),
      json.getLong("seq"),
      instant(json, "at"),
      Story.fromJson(json.getJsonObject("story")),
      json.getString("previous"),
      json.getString("change"));
  }
}
