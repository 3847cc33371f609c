package dev.newsticker.http;

import dev.newsticker.model.StoryFilter;

import java.util.function.Function;

/**
 * Request parameters read strictly, from a query string or a message alike: a bad value is an
 * {@link IllegalArgumentException} naming the parameter, never a silent default.
 */
public final class QueryParams {

  private QueryParams() {
  }

  /** For parameters the OpenAPI document has already held to their range: only read. */
  public static long number(Function<String, String> params, String name, long fallback) {
    Long value = optionalNumber(params, name);
    return value == null ? fallback : value;
  }

  /** For parameters no document checked (a WebSocket's subscribe message). */
  public static long number(Function<String, String> params, String name, long fallback, long min, long max) {
    long value = number(params, name, fallback);
    if (value < min || value > max) {
      throw new IllegalArgumentException("'" + name + "' must be between " + min + " and " + max);
    }
    return value;
  }

  public static Long optionalNumber(Function<String, String> params, String name) {
    String value = params.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + name + "' must be a whole number");
    }
  }

  public static StoryFilter filter(Function<String, String> params) {
    String breaking = params.apply("breaking");
    if (breaking != null && !breaking.equals("true") && !breaking.equals("false")) {
      throw new IllegalArgumentException("'breaking' must be true or false");
    }
    return new StoryFilter(text(params, "category"), text(params, "source"),
      breaking == null ? null : Boolean.valueOf(breaking));
  }

  private static String text(Function<String, String> params, String name) {
    String value = params.apply(name);
    if (value != null && value.length() > 100) {
      throw new IllegalArgumentException("'" + name + "' is longer than 100 characters");
    }
    return value == null || value.isBlank() ? null : value.trim();
  }
}
