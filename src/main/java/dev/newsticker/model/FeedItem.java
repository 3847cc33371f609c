package dev.newsticker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One headline as a source delivered it, before the desk decides what it is.
 *
 * @param id          the source's own identifier (guid, atom:id, publisher id); null when unknown
 * @param source      who sent it (feed name, publisher name, wire code)
 * @param history     true for items loaded quietly (a feed's backlog on first fetch): stored, not announced
 * @param breakingUntil when the publisher's breaking flag ends; null for the desk's default
 */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"headline", "body", "tags", "history", "id", "source", "summary", "url", "byline", "category",
  "breaking", "breakingUntil", "publishedAt"})
public record FeedItem(
  String id,
  String source,
  String headline,
  String summary,
  List<String> body,
  String url,
  String byline,
  String category,
  List<String> tags,
  Boolean breaking,
  Instant publishedAt,
  boolean history,
  Instant breakingUntil) {

  public FeedItem {
    // both stores keep microseconds: a finer time would differ between the live event and what is read back
    publishedAt = publishedAt == null ? null : publishedAt.truncatedTo(ChronoUnit.MICROS);
    body = body == null ? List.of() : List.copyOf(body);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /** An item whose breaking flag, if any, ends when the desk's default says. */
  public FeedItem(String id, String source, String headline, String summary, List<String> body, String url,
                  String byline, String category, List<String> tags, Boolean breaking, Instant publishedAt,
                  boolean history) {
    this(id, source, headline, summary, body, url, byline, category, tags, breaking, publishedAt, history, null);
  }

  public static FeedItem headline(String source, String headline) {
    return new FeedItem(null, source, headline, null, List.of(), null, null, null, List.of(), null, null, false);
  }

  public FeedItem withCategory(String newCategory) {
    return new FeedItem(id, source, headline, summary, body, url, byline, newCategory, tags, breaking, publishedAt, history,
      breakingUntil);
  }

  public JsonObject toJson() {
    return RecordJson.toJsonObject(this);
  }

  public static FeedItem fromJson(JsonObject json) {
    return RecordJson.fromJsonObject(json, FeedItem.class);
  }
}
