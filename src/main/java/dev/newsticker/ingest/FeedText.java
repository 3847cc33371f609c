package dev.newsticker.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the HTML and raw characters feeds carry into plain text for headlines and summaries (then {@link Text#clean}). */
final class FeedText {
  private static final Pattern SCRIPT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of(
    "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", " ",
    "mdash", "\u2014", "ndash", "\u2013", "hellip", "\u2026", "rsquo", "\u2019");

  private FeedText() {
  }

  /** Removes characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF). */
  static String stripIllegalXml(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
        || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
      if (!legal && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      } else if (legal && out != null) {
        out.appendCodePoint(cp);
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  /** Plain text from an HTML fragment: tags dropped, entities decoded, whitespace collapsed; null if empty. */
  static String plain(String html) {
    if (html == null) {
      return null;
    }
    String lower = html.toLowerCase();
    String text = lower.contains("<script") || lower.contains("<style") ? SCRIPT.matcher(html).replaceAll(" ") : html;
    text = html.indexOf('<') < 0 ? text : TAG.matcher(text).replaceAll(" ");
    text = Text.clean(unescape(text).replace('\u00A0', ' '));
    return text.isEmpty() ? null : text;
  }

  /** Cuts at a word boundary near {@code max} characters, marking the cut with an ellipsis. */
  static String clip(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1).trim() + "\u2026";
  }

  private static String unescape(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String name = m.group(1);
      String replacement;
      if (name.startsWith("#")) {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        replacement = Character.isValidCodePoint(cp) ? stripIllegalXml(new String(Character.toChars(cp))) : "";
      } else {
        replacement = NAMED.getOrDefault(name, m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    return m.appendTail(out).toString();
  }
}
