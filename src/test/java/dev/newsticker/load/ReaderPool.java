package dev.newsticker.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Opens readers over WebSocket or SSE, ramped, spread over several loopback source addresses
 * (one source address has too few ephemeral ports for 19,000 connections to one port).
 */
final class ReaderPool {
  private final Vertx vertx;
  private final LoadOptions options;
  private final List<HttpClient> httpClients = new ArrayList<>();
  private final List<WebSocketClient> wsClients = new ArrayList<>();
  private final List<Reader> readers = new ArrayList<>();
  final AtomicInteger failures = new AtomicInteger();

  /** One open reader: its tally and how to close it. */
  record Reader(ReaderTally tally, Runnable close) {
  }

  ReaderPool(Vertx vertx, LoadOptions options) {
    this.vertx = vertx;
    this.options = options;
    int perClient = options.readers() / options.sourceAddresses() + 1;
    for (int i = 0; i < options.sourceAddresses(); i++) {
      String local = "127.0.0." + (2 + i);
      httpClients.add(vertx.httpClientBuilder()
        .with(new HttpClientOptions().setLocalAddress(local).setKeepAlive(true))
        .with(new PoolOptions().setHttp1MaxSize(perClient + 16).setMaxWaitQueueSize(-1))
        .build());
      wsClients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(local)
        .setMaxConnections(perClient + 16)));
    }
  }

  /**
   * Opens {@code count} readers at {@code perSecond}, at most {@code inFlight} connecting at once,
   * each reading from {@code path(i)} with these extra headers; completes when all are open (or
   * failed, counted in {@link #failures}).
   */
  Future<List<Reader>> open(int count, Tally tally, IntFunction<String> path, IntFunction<Map<String, String>> headers,
                            int perSecond, int inFlightMax) {
    Promise<List<Reader>> done = Promise.promise();
    List<Reader> opened = new ArrayList<>();
    if (count == 0) {
      return Future.succeededFuture(opened);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger settled = new AtomicInteger();
    long started = System.nanoTime();
    vertx.setPeriodic(10, timer -> {
      long allowed = Math.min(count, (System.nanoTime() - started) / 1_000_000L * perSecond / 1000 + 1);
      while (next.get() < allowed && inFlight.get() < inFlightMax) {
        int i = next.getAndIncrement();
        inFlight.incrementAndGet();
        ReaderTally readerTally = new ReaderTally(tally);
        connect(i, path.apply(i), headers.apply(i), readerTally).onComplete(result -> {
          inFlight.decrementAndGet();
          if (result.succeeded()) {
            synchronized (opened) {
              opened.add(result.result());
            }
          } else {
            failures.incrementAndGet();
          }
          if (settled.incrementAndGet() == count) {
            synchronized (readers) {
              readers.addAll(opened);
            }
            done.complete(opened);
          }
        });
      }
      if (next.get() >= count) {
        vertx.cancelTimer(timer);
      }
    });
    return done.future();
  }

  private Future<Reader> connect(int i, String path, Map<String, String> headers, ReaderTally tally) {
    int client = i % options.sourceAddresses();
    if (options.webSocket()) {
      WebSocketConnectOptions connect = new WebSocketConnectOptions().setHost(options.host()).setPort(options.readPort(i))
        .setURI(path);
      headers.forEach(connect::addHeader);
      ClientWebSocket socket = wsClients.get(client).webSocket();
      socket.handler(tally::onData);
      return socket.connect(connect).map(connected -> new Reader(tally, () -> closeQuietly(connected)));
    }
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(options.host())
      .setPort(options.readPort(i)).setURI(path).putHeader("Accept", "text/event-stream");
    headers.forEach(request::putHeader);
    return httpClients.get(client).request(request)
      .compose(req -> req.send())
      .compose(response -> {
        if (response.statusCode() != 200) {
          return Future.failedFuture("stream answered " + response.statusCode());
        }
        response.handler(tally::onData);
        return Future.succeededFuture(new Reader(tally, () -> response.request().connection().close()));
      });
  }

  private static void closeQuietly(WebSocket socket) {
    if (!socket.isClosed()) {
      socket.close();
    }
  }

  /** Closes every reader's connection (the clients stay usable). */
  void closeReaders() {
    synchronized (readers) {
      readers.forEach(reader -> reader.close().run());
      readers.clear();
    }
  }

  Future<Void> close() {
    closeReaders();
    List<Future<Void>> closing = new ArrayList<>();
    httpClients.forEach(client -> closing.add(client.close()));
    wsClients.forEach(client -> closing.add(client.close()));
    return Future.all(closing).mapEmpty();
  }
}
