package dev.newsticker.support;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refusal's reason is in the API's own words: no library's or Java exception's sentence. */
public final class OurWords {
  private static final List<String> FOREIGN = List.of(
    "Instance ", "Expected ", "Exception", "can't be decoded", "Reason:", "The value of", "The related request",
    "does not match", "io.vertx", "java.", "com.fasterxml", "Unexpected character", "Failed to decode", "CORS Rejected", "null");

  private OurWords() {
  }

  public static void assertOurs(String reason) {
    for (String phrase : FOREIGN) {
      assertTrue(!reason.contains(phrase), "the reason '" + reason + "' quotes a library (" + phrase + ")");
    }
  }
}
