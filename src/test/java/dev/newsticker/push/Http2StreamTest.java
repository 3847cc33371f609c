package dev.newsticker.push;

import dev.newsticker.support.Await;
import dev.newsticker.support.ServerTestBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reader on HTTP/2 has no HTTP/1.1 pipeline to write beneath: its events go through Vert.x, same bytes. */
class Http2StreamTest extends ServerTestBase {

  @Test
  void eventStreamOverHttp2CarriesTheSameFrames() {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
      .setHttp2ClearTextUpgrade(false));
    try {
      StringBuffer body = new StringBuffer();
      AtomicReference<HttpVersion> version = new AtomicReference<>();
      Await.result(client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1")
          .setPort(server.port()).setURI("/api/v1/stream?snapshot=0"))
        .compose(request -> request.send())
        .map(response -> {
          version.set(response.version());
          return response.handler(chunk -> body.append(chunk.toString()));
        }));
      Await.until("the snapshot", () -> body.indexOf("event: snapshot") >= 0);
      long seq = api.publishOne(new JsonObject().put("headline", "Same frame over HTTP/2")).getLong("seq");
      Await.until("the event", () -> body.indexOf("id: " + seq + "\nevent: story.new\ndata: ") >= 0);
      assertEquals(HttpVersion.HTTP_2, version.get());
      assertTrue(body.toString().contains("Same frame over HTTP/2"), body.toString());
    } finally {
      Await.result(client.close());
    }
  }
}
