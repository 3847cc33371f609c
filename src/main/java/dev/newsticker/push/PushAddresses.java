package dev.newsticker.push;

/** Event-bus addresses of the fan-out. */
public final class PushAddresses {
  /** Every stored event, published once by the desk, in seq order; body: the envelope as a JSON string. */
  public static final String EVENTS = "news.events";

  private PushAddresses() {
  }
}
