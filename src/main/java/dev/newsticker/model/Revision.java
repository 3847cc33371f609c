package dev.newsticker.model;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

import static dev.newsticker.model.JsonFields.putIfPresent;

/** One version of a story's headline: what it said, when, from whom, and how it changed. */
public record Revision(int revision, String headline, String source, Instant at, String change) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("revision", revision)
      .put("headline", headline)
      .put("at", at.toString());
    putIfPresent(json, "source", source);
    return putIfPresent(json, "change", change);
  }
}
