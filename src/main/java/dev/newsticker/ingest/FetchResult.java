package dev.newsticker.ingest;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.time.Instant;

/** One completed HTTP exchange with a feed, after redirects: any status, body capped. */
record FetchResult(int status, String url, MultiMap headers, Buffer body, Instant fetchedAt) {

  String header(String name) {
    return headers.get(name);
  }
}
