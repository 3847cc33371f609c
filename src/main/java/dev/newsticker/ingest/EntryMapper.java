package dev.newsticker.ingest;

import dev.newsticker.model.FeedItem;
import java.time.Instant;
import java.util.List;

/** Builds a FeedItem from an entry's raw parts, whatever the format: identity, plain text, fallbacks. */
final class EntryMapper {
  private static final int SUMMARY_CHARS = 2000;
  private static final int ID_CHARS = 200;
  private static final int UNTITLED_HEADLINE_CHARS = 160;

  private final FeedDefinition feed;
  private final int headlineChars;
  private final Instant fetchedAt;

  EntryMapper(FeedDefinition feed, int headlineChars, Instant fetchedAt) {
    this.feed = feed;
    this.headlineChars = headlineChars;
    this.fetchedAt = fetchedAt;
  }

  /**
   * @param guid        guid, atom:id or JSON Feed id; may be null
   * @param date        parsed date; null when missing or unreadable, then the fetch time is used
   * @param dateText    the date as written, for identity when there is neither guid nor link
   * @return the item, or null when the entry has neither a title nor any text to make one from
   */
  FeedItem map(String guid, String link, String titleHtml, String summaryHtml, String author, List<String> tags,
               Instant date, String dateText) {
    String title = FeedText.plain(titleHtml);
    String summary = FeedText.plain(summaryHtml);
    if (title == null && summary == null) {
      return null;
    }
    // Without a title, the start of the text stands in as a short headline (and is not repeated as summary).
    String headline = title != null ? FeedText.clip(title, headlineChars)
      : FeedText.clip(summary, Math.min(headlineChars, UNTITLED_HEADLINE_CHARS));
    if (title == null) {
      summary = null;
    }
    String url = blankToNull(link);
    String key = blankToNull(guid);
    if (key == null) {
      key = url != null ? url : headline + "|" + (dateText == null ? "" : dateText);
    }
    String id = feed.id() + ":" + key;
    if (id.length() > ID_CHARS) {
      id = feed.id() + ":" + Hashes.sha256(key).substring(0, 32);
    }
    return new FeedItem(id, feed.source(), headline, FeedText.clip(summary, SUMMARY_CHARS),
      List.of(), url, FeedText.clip(FeedText.plain(author), 200), feed.category(),
      tags.stream().map(FeedText::plain).filter(t -> t != null).limit(10).toList(), null,
      date == null ? fetchedAt : date, false);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
