package dev.newsticker.e2e;

import dev.newsticker.guard.ShutdownNotice;
import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.PackagedServerTestBase;
import dev.newsticker.support.ServerProcess;
import dev.newsticker.support.SseEvent;
import dev.newsticker.support.SseReader;
import dev.newsticker.support.WsReader;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM to the packaged server: readers are told (SSE: a last retry and the end; WebSocket:
 * 1012), a publish in flight when the signal came still completes, and the restarted server has
 * everything that was acknowledged.
 */
class GracefulShutdownIT extends PackagedServerTestBase {
  @Test
  void sigtermTellsReadersFinishesInFlightPublishesAndLosesNothing() throws Exception {
    Map<String, String> env = environment();
    List<Long> acknowledged;
    long lastSeenBySse;
    HttpClient slowClient = vertx.createHttpClient();
    try (ServerProcess server = ServerProcess.start(env);
         Api api = new Api(vertx, server.port());
         SseReader sse = SseReader.open(vertx, server.port(), "/api/v1/stream");
         WsReader ws = WsReader.open(vertx, server.port(), "/api/v1/ws?snapshot=0")) {
      sse.awaitEvent("snapshot");
      acknowledged = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        acknowledged.add(api.publishOne(new JsonObject().put("headline", "Before the signal number " + i)
          .put("id", "before-" + i)).getLong("seq"));
      }
      Await.until("the readers to see every story", () -> sse.storyEvents().size() == 20 && ws.storyEvents().size() == 20);

      // A publish whose head is sent but whose body is not: in flight when the signal arrives.
      String body = new JsonObject().put("headline", "Published while the server stops").put("id", "in-flight").encode();
      HttpClientRequest inFlight = Await.result(slowClient.request(new RequestOptions().setMethod(HttpMethod.POST)
        .setHost("127.0.0.1").setPort(server.port()).setURI("/api/v1/headlines")
        .putHeader("Content-Type", "application/json").putHeader("Content-Length", Integer.toString(body.length()))));
      Future<Map.Entry<Integer, Buffer>> answer = inFlight.response()
        .compose(response -> response.body().map(received -> Map.entry(response.statusCode(), received)));
      Await.result(inFlight.write(body.substring(0, 10)));

      server.terminate();
      Await.until("the WebSocket to be closed", () -> ws.closeStatus() != null);
      assertEquals(ShutdownNotice.SERVICE_RESTART, ws.closeStatus().shortValue());
      Await.until("the SSE stream to end", sse::ended);
      List<String> retryFrames = sse.retryFrames();
      assertTrue(retryFrames.size() >= 2 && retryFrames.get(retryFrames.size() - 1).contains("server restarting"),
        "the last frame says when to come back: " + retryFrames);

      Await.result(inFlight.end(body.substring(10)));
      Map.Entry<Integer, Buffer> response = Await.result(answer);
      assertEquals(200, response.getKey(), response.getValue().toString());
      acknowledged.add(new JsonArray(response.getValue()).getJsonObject(0).getLong("seq"));
      lastSeenBySse = sse.storyEvents().stream().mapToLong(SseEvent::seq).max().orElseThrow();

      assertEquals(143, server.waitForExit(), "terminated by SIGTERM after the shutdown hook");
      assertFalse(server.printed("Unclean stop"), String.join("\n", server.output()));
    } finally {
      Await.result(slowClient.close());
    }

    try (ServerProcess again = ServerProcess.start(env);
         Api api = new Api(vertx, again.port())) {
      Set<Long> stored = api.events(0).stream().map(e -> ((JsonObject) e).getLong("seq")).collect(Collectors.toSet());
      assertTrue(stored.containsAll(acknowledged), "acknowledged " + acknowledged + ", stored " + stored);
      try (SseReader resumed = SseReader.open(vertx, again.port(), "/api/v1/stream",
        Map.of("Last-Event-ID", Long.toString(lastSeenBySse)))) {
        long newest = acknowledged.get(acknowledged.size() - 1);
        List<SseEvent> replay = resumed.awaitEvents("the replay", events -> events.stream()
          .anyMatch(e -> e.id() != null && e.seq() == newest));
        List<Long> expected = stored.stream().filter(seq -> seq > lastSeenBySse).sorted().toList();
        assertEquals(expected, replay.stream().filter(e -> e.event().startsWith("story.")).map(SseEvent::seq).toList());
      }
    }
  }
}
