package dev.newsticker.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/** Small helpers for turning records into JSON at the edges and back. */
public final class JsonFields {

  private JsonFields() {
  }

  public static JsonObject putIfPresent(JsonObject json, String key, Object value) {
    if (value != null) {
      json.put(key, value instanceof Instant instant ? instant.toString() : value);
    }
    return json;
  }

  public static List<String> strings(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    return array.stream().map(String::valueOf).toList();
  }

  public static Instant instant(JsonObject json, String key) {
    String value = json.getString(key);
    return value == null ? null : Instant.parse(value);
  }
}
