package dev.newsticker.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsticker.model.FeedItem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0/1.1 (https://jsonfeed.org/version/1.1), decoded with Jackson through JsonObject. */
final class JsonFeedParser {

  private JsonFeedParser() {
  }

  static ParsedFeed parse(Buffer body, String contentType, EntryMapper mapper) {
    String text = FeedCharsets.decode(body.getBytes(), contentType);
    Object decoded;
    try {
      decoded = Json.decodeValue(text);
    } catch (DecodeException e) {
      throw FeedRefusal.malformed("not well-formed JSON" + where(e.getCause()));
    }
    if (!(decoded instanceof JsonObject json)) {
      throw FeedRefusal.notAFeed("JSON that is not an object");
    }
    String version = json.getValue("version") instanceof String v ? v : "";
    if (!version.startsWith("https://jsonfeed.org/version/")) {
      throw FeedRefusal.notAFeed("JSON without a jsonfeed.org version");
    }
    List<FeedItem> items = new ArrayList<>();
    for (Object value : array(json, "items")) {
      if (value instanceof JsonObject entry) {
        FeedItem item = item(entry, mapper);
        if (item != null) {
          items.add(item);
        }
      }
    }
    return new ParsedFeed(string(json, "title"), Duration.ZERO, hub(json), string(json, "feed_url"), items);
  }

  private static String where(Throwable cause) {
    return cause instanceof JsonProcessingException jackson && jackson.getLocation() != null
      ? " at line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() : "";
  }

  private static FeedItem item(JsonObject entry, EntryMapper mapper) {
    String dateText = string(entry, "date_published") != null ? string(entry, "date_published")
      : string(entry, "date_modified");
    String summary = string(entry, "summary");
    if (summary == null) {
      summary = string(entry, "content_text") != null ? string(entry, "content_text") : string(entry, "content_html");
    }
    Object id = entry.getValue("id");
    return mapper.map(id == null ? null : String.valueOf(id), string(entry, "url"), string(entry, "title"), summary,
      author(entry), array(entry, "tags").stream().map(String::valueOf).toList(), date(dateText), dateText);
  }

  private static String author(JsonObject entry) {
    for (Object value : array(entry, "authors")) {
      if (value instanceof JsonObject author && string(author, "name") != null) {
        return string(author, "name");
      }
    }
    return entry.getValue("author") instanceof JsonObject author ? string(author, "name") : null;
  }

  private static String hub(JsonObject json) {
    for (Object value : array(json, "hubs")) {
      if (value instanceof JsonObject hub && "websub".equalsIgnoreCase(string(hub, "type"))) {
        return string(hub, "url");
      }
    }
    return null;
  }

  private static Instant date(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String string(JsonObject json, String key) {
    return json.getValue(key) instanceof String s && !s.isBlank() ? s : null;
  }

  private static JsonArray array(JsonObject json, String key) {
    return json.getValue(key) instanceof JsonArray a ? a : new JsonArray();
  }
}
