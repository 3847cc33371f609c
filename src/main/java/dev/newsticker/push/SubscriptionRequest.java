package dev.newsticker.push;

import dev.newsticker.config.Settings;
import dev.newsticker.http.QueryParams;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.json.JsonObject;

import java.util.function.Function;

/**
 * What a reader asks for, from SSE query parameters and headers or a WebSocket subscribe
 * message; bad values are refused with a message naming the parameter.
 */
record SubscriptionRequest(StoryFilter filter, Long since, int snapshot, boolean closeWhenSlow) {

  static SubscriptionRequest from(Function<String, String> params, String lastEventId, Settings.Stream settings) {
    Long since = lastEventId == null || lastEventId.isBlank()
      ? QueryParams.optionalNumber(params, "since")
      : QueryParams.optionalNumber(name -> lastEventId, "Last-Event-ID");
    if (since != null && since < 0) {
      throw new IllegalArgumentException("'since' must be at least 0");
    }
    int snapshot = (int) QueryParams.number(params, "snapshot", settings.snapshotDefault(), 0, settings.snapshotMax());
    return new SubscriptionRequest(QueryParams.filter(params), since, snapshot, "close".equals(params.apply("onOverflow")));
  }

  static SubscriptionRequest from(JsonObject message, Settings.Stream settings) {
    return from(name -> {
      Object value = message.getValue(name);
      return value == null ? null : String.valueOf(value);
    }, null, settings);
  }
}
