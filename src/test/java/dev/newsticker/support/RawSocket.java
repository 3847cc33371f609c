package dev.newsticker.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket client for the guard tests: any headers (Origin, Authorization), any text, and the
 * status the server refused the upgrade with or the close code it sent.
 */
public final class RawSocket implements AutoCloseable {
  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<String> texts = new CopyOnWriteArrayList<>();
  private volatile Short closeStatus;
  private volatile boolean closed;

  private RawSocket(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.handler(data -> texts.add(data.toString()));
    socket.closeHandler(v -> {
      closeStatus = socket.closeStatusCode();
      closed = true;
    });
  }

  /** Opens the socket, or answers the HTTP status the upgrade was refused with. */
  public static Future<RawSocket> connect(Vertx vertx, int port, String uri, Map<String, String> headers) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
      .setMaxMessageSize(1 << 20));
    // Only the Origin a test gives: the client's default one would pass as same-origin.
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)
      .setAllowOriginHeader(headers.containsKey("Origin"));
    headers.forEach(options::addHeader);
    return client.connect(options)
      .map(socket -> new RawSocket(client, socket))
      .onFailure(failure -> client.close());
  }

  public static RawSocket open(Vertx vertx, int port, String uri, Map<String, String> headers) {
    return Await.result(connect(vertx, port, uri, headers));
  }

  /** The status of a refused upgrade, or 101 when the socket opened. */
  public static int upgradeStatus(Vertx vertx, int port, String uri, Map<String, String> headers) {
    try {
      Await.result(connect(vertx, port, uri, headers)).close();
      return 101;
    } catch (AssertionError e) {
      Throwable cause = e.getCause();
      while (cause != null && !(cause instanceof UpgradeRejectedException)) {
        cause = cause.getCause();
      }
      if (cause == null) {
        throw e;
      }
      return ((UpgradeRejectedException) cause).getStatus();
    }
  }

  public WebSocket socket() {
    return socket;
  }

  public void send(String text) {
    Await.result(socket.writeTextMessage(text));
  }

  public List<String> texts() {
    return List.copyOf(texts);
  }

  public String awaitText(String containing) {
    Await.until("a message with " + containing + " (got " + texts + ")",
      () -> texts.stream().anyMatch(t -> t.contains(containing)));
    return texts.stream().filter(t -> t.contains(containing)).findFirst().orElseThrow();
  }

  public short awaitClose() {
    Await.until("the server to close the socket", () -> closed);
    return closeStatus == null ? -1 : closeStatus;
  }

  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close();
    }
    client.close();
  }
}
