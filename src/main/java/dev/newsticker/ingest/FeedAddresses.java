package dev.newsticker.ingest;

/**
 * Event-bus addresses of the feed poller (local consumers: each node polls its own feeds).
 * <ul>
 *   <li>{@link #LIST}: request {@code {}}, reply {@code {"feeds":[feed with "status"...]}}.</li>
 *   <li>{@link #ADD}: request {@code {url, source?, category?, intervalSeconds?}}, reply the feed; fails 400 bad
 *   input, 409 already present.</li>
 *   <li>{@link #REMOVE}: request {@code {"id"}}, reply {@code {}}; fails 404.</li>
 *   <li>{@link #FETCH}: request {@code {"id"}}, reply the feed; polls it now (or says it is being fetched);
 *   fails 404.</li>
 *   <li>{@link #WEBSUB_VERIFY}: request {@code {feedId, mode, topic, challenge, leaseSeconds}}, reply
 *   {@code {"challenge"}}; fails 404 when no such subscription is pending.</li>
 *   <li>{@link #WEBSUB_NOTIFY}: request the raw body (Buffer) with headers {@code feedId}, {@code contentType},
 *   {@code signature}; reply {@code {}}; fails 403 unsigned or wrong signature, 404 unknown feed.</li>
 * </ul>
 */
public final class FeedAddresses {
  public static final String LIST = "news.feeds.list";
  public static final String ADD = "news.feeds.add";
  public static final String REMOVE = "news.feeds.remove";
  public static final String FETCH = "news.feeds.fetch";
  public static final String WEBSUB_VERIFY = "news.feeds.websub.verify";
  public static final String WEBSUB_NOTIFY = "news.feeds.websub.notify";

  private FeedAddresses() {
  }
}
