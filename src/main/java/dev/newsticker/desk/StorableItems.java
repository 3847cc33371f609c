package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What neither store can hold, or the API could not give back, found before anything is decided:
 * an item refused here costs nothing, while a batch the store refuses after the desk decided it
 * costs a reload of the desk. Both stores hold the same values, so this is one set of rules.
 */
public final class StorableItems {
  /** The API writes years with four digits; PostgreSQL keeps microseconds. */
  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
  /** H2's longest text column; PostgreSQL's are unbounded. */
  static final int TEXT_CHARS = 1_000_000;
  /** Letters in Unicode's eyes that show nothing (Hangul fillers, the blank Braille pattern). */
  private static final Set<Integer> BLANK_LETTERS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

  /** Why an item cannot be stored: the field and the reason, in words a publisher can act on. */
  public record Problem(int item, String field, String reason) {
    public String message() {
      return "item " + item + ": '" + field + "' " + reason;
    }
  }

  private StorableItems() {
  }

  /** The first item of the batch that cannot be stored, if any. */
  public static Optional<Problem> check(List<FeedItem> items) {
    for (int i = 0; i < items.size(); i++) {
      Optional<Problem> problem = check(items.get(i), i);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  public static Optional<Problem> check(FeedItem item, int index) {
    if (item.headline() == null || item.headline().codePoints().noneMatch(StorableItems::visible)) {
      return Optional.of(new Problem(index, "headline", "has no visible character"));
    }
    Optional<Problem> text = textProblem(texts(item), index);
    if (text.isPresent()) {
      return text;
    }
    Instant published = item.publishedAt();
    if (published != null && (published.isBefore(EARLIEST) || published.isAfter(LATEST))) {
      return Optional.of(new Problem(index, "publishedAt", "must fall between the years 0001 and 9999 (UTC)"));
    }
    return Optional.empty();
  }

  /** An editor's edit, by the same rules for the fields it sets; the problem's item is -1. */
  public static Optional<Problem> check(StoryEdit edit) {
    if (edit.headline() != null && edit.headline().codePoints().noneMatch(StorableItems::visible)) {
      return Optional.of(new Problem(-1, "headline", "has no visible character"));
    }
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("headline", edit.headline());
    texts.put("summary", edit.summary());
    texts.put("url", edit.url());
    texts.put("category", edit.category());
    return textProblem(texts, -1);
  }

  private static Optional<Problem> textProblem(Map<String, String> texts, int index) {
    for (Map.Entry<String, String> field : texts.entrySet()) {
      String reason = textProblem(field.getValue());
      if (reason != null) {
        return Optional.of(new Problem(index, field.getKey(), reason));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> texts(FeedItem item) {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("headline", item.headline());
    texts.put("id", item.id());
    texts.put("source", item.source());
    texts.put("summary", item.summary());
    texts.put("url", item.url());
    texts.put("byline", item.byline());
    texts.put("category", item.category());
    texts.put("tags", String.join("", item.tags()));
    texts.put("body", String.join("", item.body()));
    return texts;
  }

  /** PostgreSQL's text holds no NUL and UTF-8 has no lone surrogate: H2 would keep either, so both are refused. */
  private static String textProblem(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() > TEXT_CHARS) {
      return "is longer than " + TEXT_CHARS + " characters";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return "holds a NUL character";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "holds half of a surrogate pair, which is no character";
      }
    }
    return null;
  }

  private static boolean visible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
           Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
           Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
           Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
           Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
           Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
           Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> !BLANK_LETTERS.contains(codePoint);
      default -> false;
    };
  }
}
