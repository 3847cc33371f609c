package dev.newsticker.store;

import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static dev.newsticker.model.JsonFields.strings;

/** Records to statement parameters and result rows back to records, for {@link PgSql}'s statements. */
final class PgRows {

  private PgRows() {
  }

  static Tuple story(Story story) {
    return Tuple.tuple()
      .addString(story.id())
      .addString(story.headline())
      .addString(story.summary())
      .addString(new JsonArray(story.body()).encode())
      .addString(story.url())
      .addString(story.source())
      .addString(story.byline())
      .addString(story.category())
      .addString(new JsonArray(story.tags()).encode())
      .addBoolean(story.breaking())
      .addOffsetDateTime(timestamp(story.publishedAt()))
      .addOffsetDateTime(timestamp(story.updatedAt()))
      .addInteger(story.revision())
      .addLong(story.lastSeq())
      .addBoolean(story.removed())
      .addOffsetDateTime(timestamp(story.breakingUntil()));
  }

  static Tuple revision(String storyId, Revision revision) {
    return Tuple.of(storyId, revision.revision(), revision.headline(), revision.source(),
      timestamp(revision.at()), revision.change(), revision.by(), revision.action(), revision.item());
  }

  static Tuple event(StoryChange change) {
    StoryEvent event = change.event();
    return Tuple.of(event.seq(), event.story().id(), event.type(), timestamp(event.at()), change.eventJson());
  }

  static Story story(Row row) {
    return new Story(
      row.getString("id"),
      row.getString("headline"),
      row.getString("summary"),
      strings(new JsonArray(row.getString("body"))),
      row.getString("url"),
      row.getString("source"),
      Arrays.asList(row.getArrayOfStrings("sources")),
      row.getString("byline"),
      row.getString("category"),
      strings(new JsonArray(row.getString("tags"))),
      row.getBoolean("breaking"),
      instant(row.getOffsetDateTime("published_at")),
      instant(row.getOffsetDateTime("updated_at")),
      row.getInteger("revision"),
      row.getLong("last_seq"),
      row.getBoolean("removed"),
      instant(row.getOffsetDateTime("breaking_until")));
  }

  static Revision revision(Row row) {
    return new Revision(row.getInteger("revision"), row.getString("headline"), row.getString("source"),
      instant(row.getOffsetDateTime("at")), row.getString("change"), row.getString("edited_by"),
      row.getString("action"), row.getString("item_key"));
  }

  static StoryEvent event(Row row) {
    return StoryEvent.decode(row.getString("payload"));
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  static String[] array(List<String> values) {
    return values.toArray(String[]::new);
  }
}
