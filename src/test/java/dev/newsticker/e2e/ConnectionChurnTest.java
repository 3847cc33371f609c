package dev.newsticker.e2e;

import dev.newsticker.Server;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.TestServers;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
      runCycles(http, ws, server, 2_000);
      Await.until("every warm-up reader gone", () -> server.readers() == 0);
      long heapAfterWarmUp = usedHeapAfterGc();

      runCycles(http, ws, server, CYCLES - 2_000);
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

  private static void runCycles(HttpClient http, WebSocketClient ws, Server server, int cycles) {
    for (int done = 0; done < cycles; done += AT_ONCE) {
      List<Future<Void>> batch = new ArrayList<>();
      Map<Integer, String> stages = new ConcurrentHashMap<>();
      for (int i = 0; i < AT_ONCE; i++) {
        int cycle = done + i;
        Future<Void> finished = cycle % 2 == 0
          ? sseCycle(http, server.port(), stages, cycle)
          : webSocketCycle(ws, server.port(), stages, cycle);
        batch.add(finished.onSuccess(ok -> stages.remove(cycle)).onFailure(e -> stages.put(cycle, "failed: " + e)));
      }
      try {
        Await.result(Future.all(batch));
      } catch (AssertionError e) {
        throw new AssertionError("cycles unfinished, by stage: " + stages
          + "; readers on the server: " + server.readers(), e);
      }
    }
  }

  /** Opens a stream, waits for its snapshot, then drops the connection. */
  private static Future<Void> sseCycle(HttpClient http, int port, Map<Integer, String> stages, int cycle) {
    stages.put(cycle, "SSE: waiting for a connection");
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/stream"))
      .compose(request -> {
        stages.put(cycle, "SSE: request sent");
        return request.send();
      })
      .compose(response -> {
        stages.put(cycle, "SSE: status " + response.statusCode() + ", no body yet");
        Promise<Void> snapshot = Promise.promise();
        // the stream arrives in pieces cut anywhere, "event: snapshot" included: look at all of it
        StringBuilder received = new StringBuilder();
        response.handler(data -> {
          received.append(data);
          stages.put(cycle, "SSE: status " + response.statusCode() + ", received " + oneLine(received));
          if (received.indexOf("event: snapshot") >= 0) {
            snapshot.tryComplete();
          }
        });
        response.endHandler(end -> stages.put(cycle, "SSE: ended by the server after " + oneLine(received)));
        return snapshot.future().compose(seen -> {
          stages.put(cycle, "SSE: closing");
          return response.request().connection().close();
        });
      });
  }

  private static String oneLine(CharSequence text) {
    return text.toString().replace("\n", "\\n");
  }

  private static Future<Void> webSocketCycle(WebSocketClient ws, int port, Map<Integer, String> stages, int cycle) {
    stages.put(cycle, "WebSocket: connecting");
    ClientWebSocket socket = ws.webSocket();
    Promise<Void> snapshot = Promise.promise();
    socket.textMessageHandler(text -> snapshot.tryComplete());
    socket.closeHandler(closed -> stages.put(cycle, "WebSocket: closed, status " + socket.closeStatusCode()));
    return socket.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/api/v1/ws?snapshot=5"))
      .compose(connected -> {
        stages.put(cycle, "WebSocket: open, no message yet");
        return snapshot.future().compose(seen -> {
          stages.put(cycle, "WebSocket: closing");
          return socket.close();
        });
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
