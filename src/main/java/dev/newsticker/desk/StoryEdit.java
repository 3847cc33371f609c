package dev.newsticker.desk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import dev.newsticker.model.RecordJson;
import dev.newsticker.model.Story;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** An editor's change to a story's fields; a null field is left as it is. */
@JsonInclude(Include.NON_NULL)
public record StoryEdit(String headline, String summary, String category, Boolean breaking, String url) {

  /**
   * The story with the edit applied, stamped with {@code at}, {@code revision} and {@code seq};
   * {@code breakingUntil}: the end of its breaking flag if the edit leaves it on.
   */
  Story applyTo(Story story, Instant at, int revision, long seq, Instant breakingUntil) {
    return new Story(story.id(), or(headline, story.headline()), or(summary, story.summary()), story.body(),
      or(url, story.url()), story.source(), story.sources(), story.byline(), or(category, story.category()),
      story.tags(), breaking == null ? story.breaking() : breaking, story.publishedAt(), at, revision, seq,
      story.removed(), breakingUntil);
  }

  public JsonObject toJson() {
    return RecordJson.toJsonObject(this);
  }

  public static StoryEdit fromJson(JsonObject json) {
    return RecordJson.fromJsonObject(json, StoryEdit.class);
  }

  private static String or(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
