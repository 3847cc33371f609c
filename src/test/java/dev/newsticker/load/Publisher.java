package dev.newsticker.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Publishes headlines at a fixed rate, one per request, each about 400 bytes of JSON carrying
 * its index and send time in a token the readers find. The same body goes to Newsticker's
 * publish API and to an Nchan publisher location.
 */
final class Publisher {
  private static final int BODY_BYTES = 400;
  private final Vertx vertx;
  private final HttpClient client;
  private final RequestOptions request;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final Random random = new Random();
  final AtomicInteger failures = new AtomicInteger();

  Publisher(Vertx vertx, LoadOptions options) {
    this.vertx = vertx;
    // one pipelined connection: headlines reach the server in the order they were sent, and
    // leave when they are due rather than waiting for the previous answer
    this.client = vertx.httpClientBuilder()
      .with(new HttpClientOptions().setKeepAlive(true).setPipelining(true).setPipeliningLimit(10_000))
      .with(new PoolOptions().setHttp1MaxSize(1)).build();
    this.request = new RequestOptions().setMethod(HttpMethod.POST).setHost(options.host()).setPort(options.port())
      .setURI(options.publishPath()).putHeader("Content-Type", "application/json");
  }

  /**
   * Publishes headlines {@code first .. first+count-1} at {@code perSecond}; completes with the
   * seq Newsticker assigned to each (zeros from Nchan) once all are answered.
   */
  Future<AtomicLongArray> publish(int first, int count, int perSecond) {
    AtomicLongArray seqs = new AtomicLongArray(first + count);
    Promise<AtomicLongArray> done = Promise.promise();
    AtomicInteger answered = new AtomicInteger();
    long start = System.nanoTime();
    long periodNanos = 1_000_000_000L / perSecond;
    AtomicInteger next = new AtomicInteger(first);
    vertx.setPeriodic(1, timer -> {
      long due = first + Math.min(count, (System.nanoTime() - start) / periodNanos + 1);
      while (next.get() < due) {
        int index = next.getAndIncrement();
        send(index).onComplete(result -> {
          if (result.succeeded()) {
            seqs.set(index, result.result());
          } else {
            failures.incrementAndGet();
          }
          if (answered.incrementAndGet() == count) {
            done.complete(seqs);
          }
        });
      }
      if (next.get() >= first + count) {
        vertx.cancelTimer(timer);
      }
    });
    return done.future();
  }

  private Future<Long> send(int index) {
    Buffer body = Buffer.buffer(body(index, Tally.now()));
    return client.request(request)
      .compose(req -> req.send(body))
      .compose(response -> response.body().compose(answer -> {
        if (response.statusCode() / 100 != 2) {
          return Future.failedFuture("publish answered " + response.statusCode() + ": " + answer);
        }
        return Future.succeededFuture(seqOf(answer));
      }));
  }

  private static long seqOf(Buffer answer) {
    if (answer.length() == 0 || answer.getByte(0) != '[') {
      return 0;
    }
    return new JsonArray(answer).getJsonObject(0).getLong("seq", 0L);
  }

  /**
   * The headline is random words around the token: headlines alike would be matched by the desk
   * as updates of one story, whose events also carry the previous headline (and its token).
   */
  String body(int index, long sentNanos) {
    StringBuilder headline = new StringBuilder("~~").append(index).append('.').append(sentNanos).append("~~");
    JsonObject item = new JsonObject().put("id", "load-" + run + "-" + index).put("source", "load").put("category", "bench");
    int room = BODY_BYTES - item.encode().length() - ",\"headline\":\"\"".length();
    while (headline.length() < room - 1) {
      headline.append(' ').append(word(Math.min(9, room - headline.length() - 1)));
    }
    return item.put("headline", headline.toString()).encode();
  }

  private String word(int maxLength) {
    char[] letters = new char[1 + random.nextInt(Math.max(1, maxLength))];
    for (int i = 0; i < letters.length; i++) {
      letters[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(letters);
  }

  /** The publishing connection, for other requests to the same server. */
  HttpClient client() {
    return client;
  }

  Future<Void> close() {
    return client.close();
  }
}
