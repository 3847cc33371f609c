package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Identity keys: how the desk recognises an item it has seen before without any similarity. */
final class Headlines {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Headlines() {
  }

  /** Case, accents, quotes and punctuation removed; words single-spaced. */
  static String normalise(String headline) {
    String decomposed = Normalizer.normalize(headline, Normalizer.Form.NFKD);
    String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    return NOT_WORD.matcher(plain).replaceAll(" ").strip();
  }

  static String headlineKey(String headline) {
    return "h:" + normalise(headline);
  }

  /** The source's own identifier, when the item carries one. */
  static String idKey(FeedItem item) {
    if (item.id() == null) {
      return null;
    }
    String source = item.source() == null ? "" : item.source().toLowerCase(Locale.ROOT);
    return "id:" + source + ":" + item.id();
  }
}
