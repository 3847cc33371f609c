package dev.newsticker.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real WebSocket reader: keeps every JSON message it receives. */
public final class WsReader implements AutoCloseable {
  private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
  private final WebSocketClient client;
  private volatile WebSocket socket;
  private volatile Short closeStatus;

  private WsReader(WebSocketClient client) {
    this.client = client;
  }

  /** Connects; messages are collected from the first frame on. */
  public static WsReader open(Vertx vertx, int port, String uri) {
    WebSocketClient client = vertx.createWebSocketClient();
    WsReader reader = new WsReader(client);
    // handlers go on before connecting: the server may write its first message with the handshake
    ClientWebSocket socket = client.webSocket();
    socket.textMessageHandler(text -> reader.messages.add(new JsonObject(text)));
    socket.closeHandler(v -> reader.closeStatus = socket.closeStatusCode());
    reader.socket = Await.result(socket.connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI(uri)));
    return reader;
  }

  /**
   * Changes the subscription and waits for its snapshot. The server starts every connection on the
   * defaults at once, so that first snapshot is awaited before: one arriving after the message
   * belongs to the new subscription.
   */
  public JsonObject subscribe(JsonObject subscription) {
    awaitType("snapshot");
    long before = snapshots().size();
    send(subscription.copy().put("type", "subscribe"));
    Await.until("the snapshot of the new subscription", () -> snapshots().size() > before);
    return snapshots().get(snapshots().size() - 1);
  }

  private List<JsonObject> snapshots() {
    return messages.stream().filter(m -> "snapshot".equals(m.getString("type"))).toList();
  }

  public void send(JsonObject message) {
    Await.result(socket.writeTextMessage(message.encode()));
  }

  public void sendText(String text) {
    Await.result(socket.writeTextMessage(text));
  }

  public List<JsonObject> messages() {
    return new ArrayList<>(messages);
  }

  public List<JsonObject> storyEvents() {
    return messages.stream().filter(m -> m.getString("type", "").startsWith("story.")).toList();
  }

  public JsonObject awaitType(String type) {
    Await.until("a WebSocket message " + type, () -> messages.stream().anyMatch(m -> type.equals(m.getString("type"))));
    return messages.stream().filter(m -> type.equals(m.getString("type"))).findFirst().orElseThrow();
  }

  public Short closeStatus() {
    return closeStatus;
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      Await.result(socket.close());
    }
    Await.result(client.close());
  }
}
