package dev.newsticker.model;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

import static dev.newsticker.model.JsonFields.instant;
import static dev.newsticker.model.JsonFields.putIfPresent;
import static dev.newsticker.model.JsonFields.strings;

/**
 * A story as readers see it now: its current headline and what goes with it.
 *
 * @param source   the source that first reported it
 * @param sources  every source that has reported it, first reporter first
 * @param revision 1 for the first version, one more for each update
 * @param lastSeq  the seq of the last event that changed it
 */
public record Story(
  String id,
  String headline,
  String summary,
  List<String> body,
  String url,
  String source,
  List<String> sources,
  String byline,
  String category,
  List<String> tags,
  boolean breaking,
  Instant publishedAt,
  Instant updatedAt,
  int revision,
  long lastSeq,
  boolean removed) {

  public Story {
    body = body == null ? List.of() : List.copyOf(body);
    sources = sources == null ? List.of() : List.copyOf(sources);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  public Story withRemoved(Instant at, long seq) {
    return new Story(id, headline, summary, body, url, source, sources, byline, category, tags, breaking,
      publishedAt, at, revision, seq, true);
  }

  public Story withLastSeq(long seq) {
    return new Story(id, headline, summary, body, url, source, sources, byline, category, tags, breaking,
      publishedAt, updatedAt, revision, seq, removed);
  }

  public boolean hasSource(String name) {
    return sources.contains(name);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("headline", headline);
    putIfPresent(json, "summary", summary);
    if (!body.isEmpty()) {
      json.put("body", new JsonArray(body));
    }
    putIfPresent(json, "url", url);
    putIfPresent(json, "source", source);
    json.put("sources", new JsonArray(sources));
    putIfPresent(json, "byline", byline);
    putIfPresent(json, "category", category);
    json.put("tags", new JsonArray(tags));
    json.put("breaking", breaking);
    putIfPresent(json, "publishedAt", publishedAt);
    putIfPresent(json, "updatedAt", updatedAt);
    json.put("revision", revision);
    json.put("seq", lastSeq);
    if (removed) {
      json.put("removed", true);
    }
    return json;
  }

  public static Story fromJson(JsonObject json) {
    return new Story(
      json.getString("id"),
      json.getString("headline"),
      json.getString("summary"),
      strings(json.getJsonArray("body")),
      json.getString("url"),
      json.getString("source"),
      strings(json.getJsonArray("sources")),
      json.getString("byline"),
      json.getString("category"),
      strings(json.getJsonArray("tags")),
      json.getBoolean("breaking", false),
      instant(json, "publishedAt"),
      instant(json, "updatedAt"),
      json.getInteger("revision", 1),
      json.getLong("seq", 0L),
      json.getBoolean("removed", false));
  }
}
