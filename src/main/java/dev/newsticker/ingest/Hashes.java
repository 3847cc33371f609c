package dev.newsticker.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests used for stable ids and change detection. */
final class Hashes {

  private Hashes() {
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /** 12 hex digits: short enough for a URL path, collision-free for any realistic number of feeds. */
  static String shortId(String text) {
    return sha256(text).substring(0, 12);
  }
}
