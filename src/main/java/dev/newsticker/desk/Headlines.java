package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.store.IdentityKeys;

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

  /**
   * The normalised headline's key; a headline without letters or digits ("🔥🔥🔥", "!!! ???")
   * normalises to nothing, so it is keyed by its exact text instead: two such headlines are one
   * story only when they are the same text.
   */
  static String headlineKey(String headline) {
    String normalised = normalise(headline);
    return IdentityKeys.of(normalised.isEmpty()
      ? "t:" + Normalizer.normalize(headline, Normalizer.Form.NFC).strip()
      : "h:" + normalised);
  }

  /** The source's own identifier, when the item carries one. */
  static String idKey(FeedItem item) {
    if (item.id() == null) {
      return null;
    }
    String source = item.source() == null ? "" : item.source().toLowerCase(Locale.ROOT);
    return IdentityKeys.of("id:" + source + ":" + item.id());
  }
}
