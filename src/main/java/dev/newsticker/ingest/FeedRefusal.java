package dev.newsticker.ingest;

import java.util.Locale;

/**
 * A feed document not taken, and why, in the newsroom's words. The reason is always written here or by the
 * caller's own code, never taken from a library's exception, so no parser message can reach a feed's status.
 */
final class FeedRefusal extends FetchException {

  /** What kind of refusal, as counted on /metrics ({@code newsticker_feed_refusals_total{kind}}). */
  enum Kind {
    NOT_A_FEED, ENCODING, MALFORMED, UNSAFE, CONTENT, UNREADABLE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;

  private FeedRefusal(Kind kind, String reason) {
    super(reason);
    this.kind = kind;
  }

  Kind kind() {
    return kind;
  }

  static FeedRefusal notAFeed(String why) {
    return new FeedRefusal(Kind.NOT_A_FEED, "not a feed: " + why);
  }

  static FeedRefusal encoding(String why) {
    return new FeedRefusal(Kind.ENCODING, why);
  }

  static FeedRefusal malformed(String why) {
    return new FeedRefusal(Kind.MALFORMED, "malformed feed: " + why);
  }

  static FeedRefusal unsafe(String why) {
    return new FeedRefusal(Kind.UNSAFE, "refused: " + why);
  }

  static FeedRefusal content(String why) {
    return new FeedRefusal(Kind.CONTENT, why);
  }

  /** For a failure the code did not foresee: the cause is logged by the caller, the feed gets this. */
  static FeedRefusal unreadable() {
    return new FeedRefusal(Kind.UNREADABLE, "the feed could not be read");
  }

  /** "1,234": byte offsets as a reader counts them. */
  static String number(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }
}
