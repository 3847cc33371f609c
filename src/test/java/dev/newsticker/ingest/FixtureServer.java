package dev.newsticker.ingest;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server standing in for feed publishers (and a WebSub hub): handlers per path, requests recorded. */
final class FixtureServer {
  record Request(String method, String path, MultiMap headers, String body) {
  }

  private final Map<String, Handler<RoutingContext>> handlers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;

  static Future<FixtureServer> start(Vertx vertx) {
    FixtureServer fixture = new FixtureServer();
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    router.route().handler(ctx -> {
      fixture.requests.add(new Request(ctx.request().method().name(), ctx.request().path(),
        MultiMap.caseInsensitiveMultiMap().addAll(ctx.request().headers()), ctx.body().asString()));
      Handler<RoutingContext> handler = fixture.handlers.get(ctx.request().path());
      if (handler == null) {
        ctx.response().setStatusCode(404).end("not here");
      } else {
        handler.handle(ctx);
      }
    });
    return vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setCompressionSupported(true))
      .requestHandler(router)
      .listen(0)
      .map(server -> {
        fixture.server = server;
        return fixture;
      });
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  void serve(String path, Handler<RoutingContext> handler) {
    handlers.put(path, handler);
  }

  /** Serves a fixture file with the given content type. */
  void serveFixture(String path, String fixture, String contentType) {
    serve(path, ctx -> ctx.response().putHeader("Content-Type", contentType).end(Fixtures.feed(fixture)));
  }

  List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  Future<Void> close() {
    return server.close();
  }
}
