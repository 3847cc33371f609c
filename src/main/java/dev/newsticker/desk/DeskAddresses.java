package dev.newsticker.desk;

/**
 * Event-bus addresses of the desk and the shapes of their messages.
 * <ul>
 *   <li>{@link #INGEST}: request {@code {"items":[FeedItem json...]}}, reply {@code {"results":[PublishResult json...]}}.</li>
 *   <li>{@link #EVENTS}: published, not requested: every stored event, once, in seq order; body: the
 *   envelope as a JSON string. The desk owns it because the desk writes it; push consumes it.</li>
 *   <li>{@link #RETRACT}: request {@code {"id":"storyId"}}, reply a PublishResult json; fails with 404 for an unknown story.</li>
 * </ul>
 * Failures come back as {@link io.vertx.core.eventbus.ReplyException} with an HTTP-like code: 400 bad item,
 * 404 unknown story, 503 store unavailable.
 */
public final class DeskAddresses {
  public static final String INGEST = "news.desk.ingest";
  public static final String RETRACT = "news.desk.retract";
  public static final String EVENTS = "news.events";

  private DeskAddresses() {
  }
}
