package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readers come and go by the thousand; each one's resources go with it. */
class ConnectionChurnTest {
  private static final int CYCLES = 10_000;
  private static final int AT_ONCE = 50;
  @TempDir
  Path dataDir;

  @Test
  void tenThousandConnectDisconnectCyclesLeaveNothingBehind() {
    Vertx vertx = Vertx.vertx();
    Server server = TestServers.start(vertx, dataDir);
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false), new PoolOptions().setHttp1MaxSize(AT_ONCE));
    WebSocketClient ws = vertx.createWebSocketClient();
    try (Api api = new Api(vertx, server.port())) {
      api.publishOne(new JsonObject().put("headline", "One story for every snapshot"));
      runCycles(http, ws, server.port(), 2_000);
      Await.until("every warm-up reader gone", () -> server.readers() == 0);
      long heapAfterWarmUp = usedHeapAfterGc();

      runCycles(http, ws, server.port(), CYCLES - 2_000);
      Await.until("every reader gone", () -> server.readers() == 0);
      long growth = usedHeapAfterGc() - heapAfterWarmUp;
      assertTrue(growth < 48L * 1024 * 1024, "heap grew by " + growth / 1024 + " KB over " + (CYCLES - 2_000) + " cycles");
      assertEquals(0, server.readers());
    } finally {
      Await.result(http.close());
      Await.result(ws.close());
      Await.result(server.stop());
      Await.result(vertx.close());
    }
  }

  private static void runCycles(HttpClient http, WebSocketClient ws, int port, int cycles) {
    for (int done = 0; done < cycles; done += AT_ONCE) {
      List<Future<Void>> batch = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        batch.add((done + i) % 2 == 0 ? sseCycle(http, port) : webSocketCycle(ws, port));
      }
      Await.result(Future.all(batch));
    }
  }

  /** Opens a stream, waits for its snapshot, then drops the connection. */
  private static Future<Void> sseCycle(HttpClient http, int port) {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/stream"))
      .compose(request -> request.send().compose(response -> {
        Promise<Void> snapshot = Promise.promise();
        // the stream arrives in pieces cut anywhere, "event: snapshot" included: look at all of it
        StringBuilder received = new StringBuilder();
        response.handler(data -> {
          received.append(data);
          if (received.indexOf("event: snapshot") >= 0) {
            snapshot.tryComplete();
          }
        });
        return snapshot.future().compose(seen -> request.connection().close());
      }));
  }

  private static Future<Void> webSocketCycle(WebSocketClient ws, int port) {
    return ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/api/v1/ws?snapshot=5"))
      .compose(socket -> {
        Promise<Void> snapshot = Promise.promise();
        socket.textMessageHandler(text -> snapshot.tryComplete());
        return snapshot.future().compose(seen -> socket.close());
      });
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
