package dev.newsticker.ingest;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The text of a file dropped as wire copy, or a {@link WireTextException} saying why it is not wire text: a
 * binary file, a document (XML, JSON, a feed, an HTML page; feeds belong in {@code feeds/}), or bytes that are not
 * UTF-8. A byte order mark is honoured (UTF-8, or UTF-16/32 as Windows editors save "Unicode" text); without one
 * the file must be UTF-8.
 */
final class DroppedText {
  private static final Pattern XML = Pattern.compile("(?is)^(<\\?xml|<rss|<feed|<rdf:rdf|<!--)");
  private static final Pattern HTML = Pattern.compile("(?is)^(<!doctype\\s+html|<html|<head|<body)");
  private static final Pattern MARKUP = Pattern.compile("(?s)^<[A-Za-z!?][^>]*>");

  private DroppedText() {
  }

  static String read(byte[] bytes) {
    FeedCharsets.Bom bom = FeedCharsets.Bom.of(bytes);
    Charset charset = bom == null ? StandardCharsets.UTF_8 : bom.charset();
    if (charset == StandardCharsets.UTF_8) {
      for (byte b : bytes) {
        if (b == 0) {
          throw new WireTextException("a binary file, not wire text");
        }
      }
    }
    String text;
    try {
      text = FeedCharsets.strict(bytes, bom == null ? 0 : bom.length(), charset);
    } catch (FeedRefusal notText) {
      throw new WireTextException(notText.getMessage());
    }
    if (binary(text)) {
      throw new WireTextException("a binary file, not wire text");
    }
    String start = text.stripLeading();
    if (HTML.matcher(start).find()) {
      throw new WireTextException("an HTML page, not wire text");
    }
    if (XML.matcher(start).find() || MARKUP.matcher(start).find()) {
      throw new WireTextException("an XML document, not wire text (feeds go into the feeds/ folder)");
    }
    if (start.startsWith("{") && isJson(start)) {
      throw new WireTextException("a JSON document, not wire text (feeds go into the feeds/ folder)");
    }
    return text;
  }

  private static boolean isJson(String text) {
    try {
      Json.decodeValue(text);
      return true;
    } catch (DecodeException e) {
      return false;
    }
  }

  /** Control characters other than line breaks and tabs in more than one character in fifty. */
  private static boolean binary(String text) {
    long controls = text.chars().filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t').count();
    return controls * 50 > text.length();
  }
}
