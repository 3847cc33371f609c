package dev.newsticker.api;

import dev.newsticker.desk.StorableItems;
import dev.newsticker.desk.StoryEdit;
import dev.newsticker.ingest.Text;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * An editor's {@code PATCH} body, already checked against the contract (types, lengths, no other
 * fields), as the desk takes it: text cleaned as a publisher's is, then held to the same rules.
 */
final class StoryEditParser {
  private final int headlineChars;

  StoryEditParser(int headlineChars) {
    this.headlineChars = headlineChars;
  }

  StoryEdit parse(JsonObject body) {
    String headline = text(body, "headline");
    if (body.containsKey("headline") && headline == null) {
      throw new InvalidItemException(-1, "headline", "'headline' must not be empty");
    }
    // characters are code points, as the OpenAPI schema (JSON Schema) counts them
    if (headline != null && headline.codePointCount(0, headline.length()) > headlineChars) {
      throw new InvalidItemException(-1, "headline", "'headline' is longer than " + headlineChars + " characters");
    }
    String url = text(body, "url");
    if (url != null && !PublishRequestParser.isWebUrl(url)) {
      throw new InvalidItemException(-1, "url", "'url' must be an http or https URL");
    }
    StoryEdit edit = new StoryEdit(headline, text(body, "summary"), text(body, "category"), body.getBoolean("breaking"), url);
    StorableItems.check(edit).ifPresent(problem -> {
      throw new InvalidItemException(-1, problem.field(), "'" + problem.field() + "' " + problem.reason());
    });
    return edit;
  }

  /** The end of a breaking flag: {@code until} (an ISO-8601 instant after {@code now}) or {@code minutes} from now. */
  Instant breakingUntil(JsonObject body, Instant now) {
    if (body.containsKey("minutes")) {
      return now.plus(Duration.ofMinutes(body.getLong("minutes")));
    }
    Instant until;
    try {
      until = OffsetDateTime.parse(body.getString("until")).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidItemException(-1, "until", "'until' must be an ISO-8601 date-time with an offset, like 2026-12-03T18:00:00Z");
    }
    if (!until.isAfter(now)) {
      throw new InvalidItemException(-1, "until", "'until' must be in the future");
    }
    return until;
  }

  private static String text(JsonObject body, String field) {
    String value = body.getString(field);
    String clean = value == null ? "" : Text.clean(value);
    return clean.isEmpty() ? null : clean;
  }
}
