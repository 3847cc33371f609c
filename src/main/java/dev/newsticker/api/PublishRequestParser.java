package dev.newsticker.api;

import dev.newsticker.desk.StorableItems;
import dev.newsticker.ingest.Text;
import dev.newsticker.model.FeedItem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the body of a publish request (a JSON object or array) into items: text cleaned, dates
 * and URLs read. The shape and limits of a JSON body are the OpenAPI document's, checked before
 * this runs ({@link ContractValidation}); what is left here is what only conversion can tell: a
 * text that cleans to nothing, a headline longer than the limit once cleaned, a URL or date that
 * does not read. Wire text has no schema, so {@link #check} holds it to the same two limits. A
 * request is refused whole on the first problem: nothing of it reaches the desk.
 */
public final class PublishRequestParser {
  private final int headlineChars;
  private final int maxItems;

  /** The limits as the document states them ({@link OpenApiDocument}), for wire text and cleaned headlines. */
  public PublishRequestParser(int headlineChars, int maxItems) {
    this.headlineChars = headlineChars;
    this.maxItems = maxItems;
  }

  public List<FeedItem> parseJson(String body, String defaultSource) {
    Object parsed;
    try {
      parsed = body == null || body.isBlank() ? null : io.vertx.core.json.Json.decodeValue(body);
    } catch (DecodeException e) {
      throw new InvalidItemException(-1, null, JsonSyntax.problem(Buffer.buffer(body)).getString("error"));
    }
    if (parsed instanceof JsonObject object) {
      return List.of(item(object, 0, defaultSource));
    }
    if (parsed instanceof JsonArray array) {
      if (array.isEmpty()) {
        throw new InvalidItemException(-1, null, "the array holds no items");
      }
      if (array.size() > maxItems) {
        throw new InvalidItemException(-1, null, "at most " + maxItems + " items per request");
      }
      List<FeedItem> items = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        if (!(array.getValue(i) instanceof JsonObject object)) {
          throw new InvalidItemException(i, null, "item " + i + " is not a JSON object");
        }
        items.add(item(object, i, defaultSource));
      }
      return items;
    }
    throw new InvalidItemException(-1, null, "body must be a JSON object or an array of objects");
  }

  /** Checks items from any source (wire text too) against the same limits. */
  public List<FeedItem> check(List<FeedItem> items) {
    if (items.size() > maxItems) {
      throw new InvalidItemException(-1, null, "at most " + maxItems + " items per request");
    }
    for (int i = 0; i < items.size(); i++) {
      checkLength(items.get(i).headline(), "headline", headlineChars, i);
      storable(items.get(i), i);
    }
    return items;
  }

  private FeedItem item(JsonObject json, int index, String defaultSource) {
    String headline = text(json, "headline", index);
    if (headline == null) {
      throw new InvalidItemException(index, "headline", "item " + index + ": 'headline' is required");
    }
    checkLength(headline, "headline", headlineChars, index);
    String url = text(json, "url", index);
    if (url != null && !isWebUrl(url)) {
      throw new InvalidItemException(index, "url", "item " + index + ": 'url' must be an http or https URL");
    }
    String source = text(json, "source", index);
    Instant breakingUntil = instant(json, "breakingUntil", index);
    Boolean breaking = bool(json, "breaking", index);
    if (breakingUntil != null && !Boolean.TRUE.equals(breaking)) {
      throw new InvalidItemException(index, "breakingUntil", "item " + index + ": 'breakingUntil' needs 'breaking': true");
    }
    return storable(new FeedItem(
      text(json, "id", index),
      source == null ? defaultSource : source,
      headline,
      text(json, "summary", index),
      paragraphs(json, index),
      url,
      text(json, "byline", index),
      text(json, "category", index),
      tags(json, index),
      breaking,
      instant(json, "publishedAt", index),
      false,
      breakingUntil), index);
  }

  /** The desk's own check, here so that a refusal names the item and its field. */
  private static FeedItem storable(FeedItem item, int index) {
    StorableItems.check(item, index).ifPresent(problem -> {
      throw new InvalidItemException(index, problem.field(), problem.message());
    });
    return item;
  }

  /** Characters are code points, as the OpenAPI schema (JSON Schema) counts them. */
  private static void checkLength(String text, String field, int max, int index) {
    if (text == null || text.isBlank()) {
      throw new InvalidItemException(index, field, "item " + index + ": '" + field + "' must not be empty");
    }
    if (text.codePointCount(0, text.length()) > max) {
      throw new InvalidItemException(index, field,
        "item " + index + ": '" + field + "' is longer than " + max + " characters");
    }
  }

  private static String text(JsonObject json, String field, int index) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new InvalidItemException(index, field, "item " + index + ": '" + field + "' must be a string");
    }
    String clean = Text.clean(text);
    return clean.isEmpty() ? null : clean;
  }

  private static List<String> paragraphs(JsonObject json, int index) {
    Object value = json.getValue("body");
    if (value == null) {
      return List.of();
    }
    if (value instanceof String text) {
      return Text.paragraphs(text);
    }
    if (value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
      return array.stream().map(p -> Text.clean((String) p)).filter(p -> !p.isEmpty()).toList();
    }
    throw new InvalidItemException(index, "body", "item " + index + ": 'body' must be a string or an array of strings");
  }

  private static List<String> tags(JsonObject json, int index) {
    Object value = json.getValue("tags");
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
      return array.stream().map(t -> Text.clean((String) t)).filter(t -> !t.isEmpty()).toList();
    }
    throw new InvalidItemException(index, "tags", "item " + index + ": 'tags' must be an array of strings");
  }

  private static Boolean bool(JsonObject json, String field, int index) {
    Object value = json.getValue(field);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw new InvalidItemException(index, field, "item " + index + ": '" + field + "' must be true or false");
  }

  private static Instant instant(JsonObject json, String field, int index) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(String.valueOf(value)).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidItemException(index, field,
        "item " + index + ": '" + field + "' must be an ISO-8601 date-time with an offset, like 2026-02-05T10:15:00Z");
    }
  }

  static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return uri.getHost() != null && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (Exception e) {
      return false;
    }
  }
}
