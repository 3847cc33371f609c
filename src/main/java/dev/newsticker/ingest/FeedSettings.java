package dev.newsticker.ingest;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.ConfigReader;
import dev.newsticker.config.Settings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "feeds" section of the configuration, validated.
 *
 * @param feeds              configured feeds: the {@code list} objects, then {@code urls} (NEWSTICKER_FEEDS)
 * @param minIntervalSeconds the shortest poll interval (NEWSTICKER_FEED_MIN_INTERVAL)
 * @param stateFile          where the feed registry and each feed's seen entries survive restarts
 * @param dropFolder         folder watched for wire-text files; null when off
 * @param dropSource         source name for dropped headlines that carry no source code of their own
 */
public record FeedSettings(
  List<FeedDefinition> feeds,
  int minIntervalSeconds,
  int maxIntervalSeconds,
  int backoffMaxSeconds,
  int timeoutSeconds,
  int connectTimeoutSeconds,
  int idleTimeoutSeconds,
  int maxBodyBytes,
  int maxRedirects,
  String userAgent,
  int headlineChars,
  Path stateFile,
  WebSub websub,
  Path dropFolder,
  String dropSource,
  int dropScanMillis) {

  public static final String DEFAULT_USER_AGENT = "Newsticker/0.1 (+https://github.com/newsticker)";

  /** WebSub subscriptions: off while {@code callbackBaseUrl} is unset. */
  public record WebSub(String callbackBaseUrl, int leaseSeconds, int fallbackPollSeconds) {
    public boolean enabled() {
      return callbackBaseUrl != null;
    }
  }

  public static FeedSettings from(Settings settings) {
    return parse(new ConfigReader(settings.section("feeds"), "feeds"), settings.dataDir(),
      settings.limits().headlineChars());
  }

  static FeedSettings parse(ConfigReader feeds, Path dataDir, int headlineChars) {
    int min = feeds.integer("minIntervalSeconds", 300, 1, 86_400);
    // A minimum above the configured maximum wins: the operator asked to poll no faster than that.
    int max = Math.max(min, feeds.integer("maxIntervalSeconds", 3600, 1, 7 * 86_400));
    ConfigReader websub = feeds.section("websub");
    String callback = websub.string("callbackBaseUrl", null);
    if (callback != null && !callback.matches("https?://[^/]+.*")) {
      throw new ConfigException("feeds.websub.callbackBaseUrl", "'" + callback + "' is not an http(s) URL");
    }
    String drop = feeds.string("dropFolder", null);
    return new FeedSettings(
      definitions(feeds),
      min,
      max,
      Math.max(max, feeds.integer("backoffMaxSeconds", 6 * 3600, 1, 7 * 86_400)),
      feeds.integer("timeoutSeconds", 20, 1, 600),
      feeds.integer("connectTimeoutSeconds", 5, 1, 600),
      feeds.integer("idleTimeoutSeconds", 10, 1, 600),
      feeds.integer("maxBodyBytes", 15 << 20, 1024, Integer.MAX_VALUE),
      feeds.integer("maxRedirects", 5, 0, 20),
      feeds.string("userAgent", DEFAULT_USER_AGENT),
      headlineChars,
      dataDir.resolve(feeds.string("stateFile", "feeds.json")),
      new WebSub(callback == null ? null : callback.replaceAll("/+$", ""),
        websub.integer("leaseSeconds", 86_400, 1, 30 * 86_400),
        websub.integer("fallbackPollSeconds", 3600, 1, 7 * 86_400)),
      drop == null ? null : Path.of(drop),
      feeds.string("dropSource", "wire"),
      feeds.integer("dropScanMillis", 2000, 50, 3_600_000));
  }

  private static List<FeedDefinition> definitions(ConfigReader feeds) {
    Map<String, FeedDefinition> byId = new LinkedHashMap<>();
    Object list = feeds.raw().getValue("list");
    if (list != null && !(list instanceof JsonArray)) {
      throw new ConfigException("feeds.list", "must be a list of {url, source, category, intervalSeconds}");
    }
    JsonArray entries = list == null ? new JsonArray() : (JsonArray) list;
    for (int i = 0; i < entries.size(); i++) {
      String setting = "feeds.list[" + i + "]";
      if (!(entries.getValue(i) instanceof JsonObject entry)) {
        throw new ConfigException(setting, "must be an object with a url");
      }
      ConfigReader reader = new ConfigReader(entry, setting);
      Integer interval = entry.getValue("intervalSeconds") == null ? null
        : reader.integer("intervalSeconds", 0, 1, 7 * 86_400);
      add(byId, setting, reader.string("url", null), reader.string("source", null),
        reader.string("category", null), interval);
    }
    for (String url : feeds.list("urls")) {
      add(byId, "feeds.urls (NEWSTICKER_FEEDS)", url, null, null, null);
    }
    return new ArrayList<>(byId.values());
  }

  private static void add(Map<String, FeedDefinition> byId, String setting, String url, String source,
                          String category, Integer interval) {
    try {
      FeedDefinition feed = FeedDefinition.of(url, source, category, interval, true);
      byId.putIfAbsent(feed.id(), feed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(setting, e.getMessage());
    }
  }
}
