package dev.newsticker.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.function.Function;

/** A WebClient on one server, with the calls tests make most. */
public final class Api implements AutoCloseable {
  private final WebClient client;

  public Api(Vertx vertx, int port) {
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  public WebClient client() {
    return client;
  }

  public HttpResponse<Buffer> publish(Object body) {
    return send("application/json", body instanceof String s ? s : body.toString(), null);
  }

  public HttpResponse<Buffer> send(String contentType, String body, String token) {
    var request = client.post("/api/v1/headlines");
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return Await.result(request.sendBuffer(Buffer.buffer(body)));
  }

  /** Publishes one headline and returns the desk's answer for it. */
  public JsonObject publishOne(JsonObject item) {
    HttpResponse<Buffer> response = publish(item.encode());
    if (response.statusCode() != 200) {
      throw new AssertionError("publish answered " + response.statusCode() + ": " + response.bodyAsString());
    }
    return response.bodyAsJsonArray().getJsonObject(0);
  }

  public HttpResponse<Buffer> get(String uri) {
    return Await.result(client.get(uri).send());
  }

  public JsonArray events(long since) {
    return get("/api/v1/events?limit=1000&since=" + since).bodyAsJsonObject().getJsonArray("events");
  }

  /** A request on a connection of its own: the connection limits count connections, not requests. */
  public static HttpResponse<Buffer> onOwnConnection(Vertx vertx, Function<WebClient, Future<HttpResponse<Buffer>>> request) {
    WebClient client = WebClient.create(vertx);
    try {
      return Await.result(request.apply(client));
    } finally {
      client.close();
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
