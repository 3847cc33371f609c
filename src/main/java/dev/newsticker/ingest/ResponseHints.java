package dev.newsticker.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a feed's HTTP headers say about when to come back and where its WebSub hub is. */
final class ResponseHints {
  private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d{1,10})");
  private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]+)*)");
  private static final Pattern REL = Pattern.compile("rel\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

  private ResponseHints() {
  }

  /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.trim();
    if (text.matches("\\d{1,10}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    Instant at = httpDate(text);
    return at == null ? null : positive(Duration.between(now, at));
  }

  /** The longest of Cache-Control max-age and Expires; zero when neither says anything. */
  static Duration freshFor(String cacheControl, String expires, Instant now) {
    Duration fresh = Duration.ZERO;
    if (cacheControl != null) {
      Matcher m = MAX_AGE.matcher(cacheControl.toLowerCase());
      if (m.find()) {
        fresh = Duration.ofSeconds(Long.parseLong(m.group(1)));
      }
    }
    Instant until = expires == null ? null : httpDate(expires.trim());
    if (until != null && Duration.between(now, until).compareTo(fresh) > 0) {
      fresh = Duration.between(now, until);
    }
    return fresh;
  }

  /** The target of the first Link header entry whose rel list holds {@code rel}; null when none. */
  static String link(List<String> linkHeaders, String rel) {
    for (String header : linkHeaders) {
      Matcher m = LINK.matcher(header);
      while (m.find()) {
        Matcher r = REL.matcher(m.group(2));
        if (r.find() && List.of(r.group(1).trim().toLowerCase().split("\\s+")).contains(rel)) {
          return m.group(1).trim();
        }
      }
    }
    return null;
  }

  static Instant httpDate(String text) {
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration positive(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
