package dev.newsticker.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity keys as the stores keep them: the SHA-256 of the key's text in hex, 64 characters
 * whatever the text. A normalised headline can be several times longer than what was published
 * (NFKD turns one ligature into three letters, one Hangul syllable into three jamo), so the text
 * itself would not fit a column or an index entry.
 */
public final class IdentityKeys {
  private IdentityKeys() {
  }

  public static String of(String text) {
    return sha256(text);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
