package dev.newsticker.ingest;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.URISyntaxException;

import static dev.newsticker.model.JsonFields.putIfPresent;

/**
 * A feed the server polls: what an operator configured or posted.
 *
 * @param id         stable: derived from the URL, so the same URL is the same feed across restarts
 * @param fromConfig true when it came from the configuration rather than the API
 */
public record FeedDefinition(String id, String url, String source, String category, Integer intervalSeconds,
                             boolean fromConfig) {

  /** Validates the URL and fills defaults; the message of the IllegalArgumentException says what is wrong. */
  public static FeedDefinition of(String url, String source, String category, Integer intervalSeconds,
                                  boolean fromConfig) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url '" + url + "' is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("url '" + url + "' must be an absolute http or https URL");
    }
    if (intervalSeconds != null && intervalSeconds < 1) {
      throw new IllegalArgumentException("intervalSeconds must be a positive whole number");
    }
    String normalized = uri.normalize().toString();
    String name = source == null || source.isBlank() ? uri.getHost() : source.trim();
    String cat = category == null || category.isBlank() ? null : category.trim();
    return new FeedDefinition(Hashes.shortId(normalized), normalized, name, cat, intervalSeconds, fromConfig);
  }

  /** From a POST /api/v1/feeds body; the IllegalArgumentException's message is the 400 reason. */
  public static FeedDefinition fromRequest(JsonObject body) {
    Object interval = body.getValue("intervalSeconds");
    if (interval != null && !(interval instanceof Integer || interval instanceof Long)) {
      throw new IllegalArgumentException("intervalSeconds must be a whole number of seconds");
    }
    for (String key : new String[] {"url", "source", "category"}) {
      if (body.getValue(key) != null && !(body.getValue(key) instanceof String)) {
        throw new IllegalArgumentException(key + " must be a string");
      }
    }
    if (interval != null && ((Number) interval).longValue() > 7 * 86_400) {
      throw new IllegalArgumentException("intervalSeconds must be at most a week");
    }
    return of(body.getString("url"), body.getString("source"), body.getString("category"),
      interval == null ? null : ((Number) interval).intValue(), false);
  }

  public String host() {
    URI uri = URI.create(url);
    return uri.getHost() + ":" + uri.getPort();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("url", url).put("source", source)
      .put("fromConfig", fromConfig);
    putIfPresent(json, "category", category);
    return putIfPresent(json, "intervalSeconds", intervalSeconds);
  }

  public static FeedDefinition fromJson(JsonObject json) {
    return of(json.getString("url"), json.getString("source"), json.getString("category"),
      json.getInteger("intervalSeconds"), json.getBoolean("fromConfig", false));
  }
}
