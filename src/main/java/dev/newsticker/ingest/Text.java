package dev.newsticker.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Cleaning of untrusted text: control characters out, white space folded. */
public final class Text {
  // Zero-width spaces, word joiners, byte-order marks and soft hyphens show nothing in a one-line
  // headline but make two equal headlines differ; joiners (U+200C, U+200D) shape scripts and emoji and stay.
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t\\r]]|[\\u202A-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF]"
    + "|[\\u200B\\u2060-\\u2064\\uFEFF\\u00AD]"
    // A surrogate on its own (a pair is one code point to the regex): no character at all.
    + "|[\\uD800-\\uDFFF]");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private Text() {
  }

  /** One line of text: control characters, bidi overrides and invisible spacing removed, runs of white space folded to one space. */
  public static String clean(String text) {
    return SPACE.matcher(CONTROL.matcher(text).replaceAll("")).replaceAll(" ").strip();
  }

  /** Paragraphs of a text body: split on blank lines or line breaks, each cleaned. */
  public static List<String> paragraphs(String text) {
    return Arrays.stream(text.split("\\r?\\n")).map(Text::clean).filter(p -> !p.isEmpty()).toList();
  }
}
