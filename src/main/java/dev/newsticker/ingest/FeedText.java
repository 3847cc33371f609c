package dev.newsticker.ingest;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the HTML and raw characters feeds carry into plain text for headlines and summaries (then
 * {@link Text#clean}): jsoup reads the HTML as a browser would (every HTML5 named entity; {@code &#146;} is the
 * Windows-1252 apostrophe), so no markup survives, whitespace is folded.
 */
final class FeedText {
  private static final Pattern CDATA = Pattern.compile("(?s)<!\\[CDATA\\[(.*?)]]>");
  /**
   * What may still be markup or a reference (HTML5 reads {@code &copy} without its semicolon too) after a reading:
   * text escaped twice ({@code &amp;lt;b&amp;gt;}) reads as a tag once more.
   */
  private static final Pattern MARKUP = Pattern.compile("<[a-zA-Z/!?]|&#?[a-zA-Z0-9]");
  private static final int MAX_READINGS = 3;
  private static final String C1_AS_WINDOWS_1252 = windows1252ForC1();

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
    String text = c1AsWindows1252(html);
    for (int reading = 0; reading < MAX_READINGS && MARKUP.matcher(text).find(); reading++) {
      text = Jsoup.parseBodyFragment(unwrapCdata(text)).body().text();
    }
    if (html.indexOf('\uFFFD') < 0) {
      // HTML5 reads &#0;, a surrogate or a number past Unicode as U+FFFD: not a character the feed meant to send.
      text = text.replace("\uFFFD", "");
    }
    text = Text.clean(text.replace('\u00A0', ' '));
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

  /** A CDATA section inside HTML is text (an HTML parser would take it for a comment and drop it). */
  private static String unwrapCdata(String text) {
    if (!text.contains("<![CDATA[")) {
      return text;
    }
    Matcher m = CDATA.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Entities.escape(m.group(1))));
    }
    return m.appendTail(out).toString();
  }

  /**
   * U+0080 to U+009F are control characters nobody types: they are Windows-1252 bytes read as ISO-8859-1, and
   * HTML5 reads them as Windows-1252 ({@code don\u0092t} is "don’t"). The five bytes Windows-1252 leaves undefined
   * stay control characters and {@link Text#clean} drops them.
   */
  private static String c1AsWindows1252(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        out = out == null ? new StringBuilder(text.length()).append(text, 0, i) : out;
        out.append(C1_AS_WINDOWS_1252.charAt(c - 0x80));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static String windows1252ForC1() {
    CharsetDecoder decoder = Charset.forName("windows-1252").newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    StringBuilder table = new StringBuilder(32);
    for (int b = 0x80; b <= 0x9F; b++) {
      try {
        table.append(decoder.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0));
      } catch (CharacterCodingException undefined) {
        table.append((char) b);
      }
    }
    return table.toString();
  }
}
