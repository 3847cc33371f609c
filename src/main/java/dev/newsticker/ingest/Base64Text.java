package dev.newsticker.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Base64 in a feed: line breaks and missing padding are common and fine; anything else is refused. */
final class Base64Text {

  private Base64Text() {
  }

  /** The decoded text, or null when the bytes are not UTF-8 text (an image, say): nothing for a headline. */
  static String decode(String encoded) {
    String compact = encoded.replaceAll("\\s+", "");
    int missing = (4 - compact.length() % 4) % 4;
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(missing == 3 ? "!" : compact + "=".repeat(missing));
    } catch (IllegalArgumentException e) {
      throw FeedRefusal.content("base64 content could not be decoded");
    }
    try {
      return FeedCharsets.strict(bytes, 0, StandardCharsets.UTF_8);
    } catch (FeedRefusal notText) {
      return null;
    }
  }
}
