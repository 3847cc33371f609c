package dev.newsticker.web;

import dev.newsticker.support.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Another origin: a tiny Vert.x server for pages that embed the ticker, as a customer's site
 * would. Pages come from src/test/resources/webtest with {{origin}} set to the ticker server and
 * {{category}} / {{theme}} taken from the query string.
 */
final class HostSite implements AutoCloseable {
  private final HttpServer server;

  private HostSite(HttpServer server) {
    this.server = server;
  }

  static HostSite start(Vertx vertx, String tickerOrigin) {
    Router router = Router.router(vertx);
    router.get("/:page").handler(ctx -> {
      String page = ctx.pathParam("page");
      if (!page.matches("[a-z-]+\\.html")) {
        ctx.response().setStatusCode(404).end();
        return;
      }
      ctx.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(template(page)
          .replace("{{origin}}", tickerOrigin)
          .replace("{{category}}", param(ctx.queryParams().get("category")))
          .replace("{{theme}}", param(ctx.queryParams().get("theme"))));
    });
    HttpServer server = Await.result(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    return new HostSite(server);
  }

  /** localhost, while the ticker is on 127.0.0.1 with another port: a different origin twice over. */
  String url(String page, String category, String theme) {
    return "http://localhost:" + server.actualPort() + "/" + page + "?category=" + category + "&theme=" + theme;
  }

  private static String param(String value) {
    return value == null ? "" : value.replaceAll("[^a-z]", "");
  }

  private static String template(String page) {
    try (InputStream in = HostSite.class.getResourceAsStream("/webtest/" + page)) {
      if (in == null) {
        throw new IllegalArgumentException("no page " + page);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    Await.result(server.close());
  }
}
