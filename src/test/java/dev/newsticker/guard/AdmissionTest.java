package dev.newsticker.guard;

import dev.newsticker.support.Api;
import dev.newsticker.support.Await;
import dev.newsticker.support.ConfiguredServerTestBase;
import dev.newsticker.support.Metrics;
import dev.newsticker.support.SseReader;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21, items 6 and 7: connections are counted from accept, a connection that sends no
 * complete request head is closed, readers cannot take the publishers' and probes' reserve, and a
 * flood of idle connections from one address locks nobody out.
 */
class AdmissionTest extends ConfiguredServerTestBase {
  private static final String TOKEN = "newsroom-token";

  /** As Main runs it: the accept gate sits in the native transport's listening channel where there is one. */
  @Override
  protected Vertx newVertx() {
    return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
  }

  private void startWith(JsonObject limits) {
    start(new JsonObject().put("limits", limits));
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws IOException {
    startWith(new JsonObject().put("requestHeadSeconds", 1));
    try (Socket silent = new Socket("127.0.0.1", server.port())) {
      silent.setSoTimeout((int) Await.LONG.toMillis());
      assertEquals(-1, silent.getInputStream().read(), "the server closes it without an answer");
    }
    // on a cold, busy machine even a client's first request may take longer than this short a limit
    Await.until("a client that speaks at once to be answered", () -> answers("GET /health/ready HTTP/1.1\r\nConnection: close\r\n"));
  }

  /** Whether a request sent as soon as the connection opens is answered 200 and the connection then closed by the server. */
  private boolean answers(String head) {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout((int) Await.LONG.toMillis());
      socket.getOutputStream().write((head + "Host: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aRequestHeadSentAByteAtATimeIsClosed() throws IOException {
    startWith(new JsonObject().put("requestHeadSeconds", 1));
    byte[] head = ("GET /api/v1/stories HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(600))
      .getBytes(StandardCharsets.US_ASCII);
    try (Socket slow = new Socket("127.0.0.1", server.port())) {
      slow.setSoTimeout(100);
      assertTrue(closedWhileTrickling(slow, head), "the server closed the connection before the head was complete");
    }
  }

  /** Sends one byte per read timeout; true once the server has closed the connection. */
  private static boolean closedWhileTrickling(Socket socket, byte[] head) throws IOException {
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    for (byte b : head) {
      try {
        out.write(b);
        out.flush();
        if (in.read() == -1) {
          return true;
        }
      } catch (SocketTimeoutException stillOpen) {
        // the server is still waiting for the rest of the head
      } catch (IOException reset) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aKeptAliveConnectionThatFallsQuietIsClosedAndAQuietReaderIsNot() throws IOException {
    start(new JsonObject().put("stream", new JsonObject().put("heartbeatSeconds", 1))
      .put("limits", new JsonObject().put("idleSeconds", 2)));
    // answered, then closed once quiet (readAllBytes returns only when the server closes); a cold
    // server may close the first attempts before it answers
    Await.until("a kept-alive connection answered, then closed", () -> answers("GET /health/live HTTP/1.1\r\n"));
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=0")) {
      Await.until("more heartbeats than the idle timeout lasts", () -> reader.comments() >= 4);
      api.publishOne(new JsonObject().put("headline", "A quiet reader is still here"));
      reader.awaitEvents("the publish", events -> events.stream().anyMatch(e -> e.data().contains("A quiet reader")));
    }
  }

  @Test
  void readersCannotTakeTheReserveOfPublishersAndProbes() {
    start(new JsonObject().put("publishToken", TOKEN)
      .put("limits", new JsonObject().put("connectionsTotal", 4).put("connectionsReserve", 2)));
    try (SseReader one = SseReader.open(vertx, server.port(), "/api/v1/stream");
         SseReader two = SseReader.open(vertx, server.port(), "/api/v1/stream")) {
      HttpResponse<Buffer> third = freshGet("/api/v1/stream");
      assertEquals(503, third.statusCode(), third.bodyAsString());
      assertEquals("the server is at its limit of 2 readers; try again later", third.bodyAsJsonObject().getString("error"));
      assertEquals("10", third.getHeader("Retry-After"));
      assertEquals(503, freshGet("/api/v1/stories").statusCode(), "other public requests share the readers' budget");
      assertEquals(200, freshGet("/health/ready").statusCode(), "a probe still gets through");
      assertEquals(200, freshPublish("The reserve holds").statusCode(), "a publish still gets through");
      assertEquals(200, Api.onOwnConnection(vertx, client -> client.get(server.port(), "127.0.0.1", "/api/v1/desk/doubts")
        .bearerTokenAuthentication(TOKEN).send()).statusCode(), "an editor's read bears the token and gets through");
      assertEquals(401, Api.onOwnConnection(vertx, client -> client.post(server.port(), "127.0.0.1", "/api/v1/headlines")
        .sendJsonObject(new JsonObject().put("headline", "No token"))).statusCode(), "a stranger's publish is still refused");
      one.awaitEvents("the publish, live", events -> events.stream().anyMatch(e -> e.data().contains("The reserve holds")));
    }
    Await.until("the readers' slots to be free again", () -> freshGet("/api/v1/stories").statusCode() == 200);
  }

  @Test
  void eachHttp2StreamTakesAReadersSlot() {
    startWith(new JsonObject().put("connectionsTotal", 3).put("connectionsReserve", 1));
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
      .setHttp2ClearTextUpgrade(false), new PoolOptions().setHttp2MaxSize(1));
    try {
      HttpClientRequest first = stream(client);
      HttpClientRequest second = stream(client);
      HttpClientResponse third = Await.result(stream(client).response());
      assertEquals(503, third.statusCode(), "a third stream on the same connection is a third reader");
      assertEquals(HttpVersion.HTTP_2, third.version());
      first.reset();
      Await.until("a reset stream to free its slot",
        () -> Await.result(stream(client).response()).statusCode() == 200);
      second.reset();
    } finally {
      Await.result(client.close());
    }
  }

  private HttpClientRequest stream(HttpClient client) {
    HttpClientRequest request = Await.result(client.request(new RequestOptions().setMethod(HttpMethod.GET)
      .setHost("127.0.0.1").setPort(server.port()).setURI("/api/v1/stream?snapshot=0")));
    request.send();
    Await.result(request.response());
    return request;
  }

  @Test
  void aFloodOfIdleConnectionsFromOneAddressLocksNobodyOut() throws IOException {
    long descriptorsFree = freeDescriptors();
    // the ceiling of the process's descriptors placed 150 connections above this moment's use
    startWith(new JsonObject().put("connectionsTotal", 40).put("connectionsReserve", 10).put("connectionsPerAddress", 30)
      .put("requestHeadSeconds", 60).put("descriptorReserve", descriptorsFree - 150));
    assertEquals(0.0, metric("newsticker_connections_closed_total{reason=\"evicted\"}"), "the metrics connection is open");
    List<Socket> flood = new ArrayList<>();
    try (SseReader reader = SseReader.open(vertx, server.port(), "/api/v1/stream?snapshot=0")) {
      for (int i = 0; i < 400; i++) {
        flood.add(new Socket("127.0.0.1", server.port()));
      }
      Await.until("the flood to reach the ceiling", () -> metric("newsticker_connections_closed_total{reason=\"evicted\"}") > 0);
      for (int i = 0; i < 5; i++) {
        assertEquals(200, freshPublish("Still publishing " + i).statusCode());
        assertEquals(200, freshGet("/health/ready").statusCode());
      }
      reader.awaitEvents("every publish, live",
        events -> events.stream().filter(e -> e.data().contains("Still publishing")).count() == 5);
      assertTrue(flood.stream().anyMatch(AdmissionTest::closedByServer), "the oldest silent connections made room");
      assertTrue(metric("newsticker_connections_open") <= 160, "open: " + metric("newsticker_connections_open"));
    } finally {
      for (Socket socket : flood) {
        socket.close();
      }
    }
  }

  /** Read over the test's long-lived connection, which was opened before any flood. */
  private double metric(String prefix) {
    return Metrics.value(api.get("/metrics").bodyAsString(), prefix);
  }

  private static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(1);
      return socket.getInputStream().read() == -1;
    } catch (SocketTimeoutException open) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }

  private static long freeDescriptors() {
    var os = (com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount();
  }

  /** A request on a connection of its own, so the limits count it. */
  private HttpResponse<Buffer> freshGet(String uri) {
    return Api.onOwnConnection(vertx, client -> client.get(server.port(), "127.0.0.1", uri).send());
  }

  /** With the token: a server configured without one ignores it and lets loopback publish. */
  private HttpResponse<Buffer> freshPublish(String headline) {
    return Api.onOwnConnection(vertx, client -> client.post(server.port(), "127.0.0.1", "/api/v1/headlines")
      .putHeader("Authorization", "Bearer " + TOKEN)
      .sendJsonObject(new JsonObject().put("headline", headline)));
  }
}
