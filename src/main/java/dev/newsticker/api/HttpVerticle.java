package dev.newsticker.api;

import dev.newsticker.config.Settings;
import dev.newsticker.guard.Guards;
import dev.newsticker.guard.SameOrigin;
import dev.newsticker.guard.Utf8Bodies;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.push.LoopHub;
import dev.newsticker.push.StreamRoutes;
import dev.newsticker.push.Streams;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One instance per event loop: the HTTP API, the reader streams and the pages. Each instance
 * keeps the readers connected through it in its own {@link LoopHub}.
 */
public class HttpVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);
  /** Short, so embedding sites pick up a new widget.js within minutes. */
  private static final int STATIC_MAX_AGE_SECONDS = 300;
  private final HttpParts parts;
  private final Settings settings;
  private final Guards guards;
  private LoopHub hub;
  private HttpServer server;

  public HttpVerticle(HttpParts parts) {
    this.parts = parts;
    this.settings = parts.settings();
    this.guards = parts.guards();
  }

  @Override
  public Future<?> start() {
    hub = new LoopHub(vertx, context, settings.stream().heartbeatSeconds(), parts.pushMetrics());
    parts.fanout().register(hub);
    server = vertx.createHttpServer(new HttpServerOptions()
      .setHost(settings.httpHost())
      .setPort(parts.port())
      .setCompressionSupported(true)
      // every response is written from its connection's event loop; this spares each connection
      // (every reader) the 4 KB write queue Vert.x would keep for writes from other threads
      .setStrictThreadMode(true)
      // WebSocket frames are encoded once and written to every reader; per-connection deflate would undo that
      .setPerMessageWebSocketCompressionSupported(false)
      .setPerFrameWebSocketCompressionSupported(false)
      .setMaxInitialLineLength(4 * guards.settings().uriChars())
      .setMaxWebSocketFrameSize(2 * guards.settings().wsMessageBytes())
      .setMaxWebSocketMessageSize(2 * guards.settings().wsMessageBytes()));
    server.connectionHandler(guards.connections()::opened);
    return ContractValidation.load(vertx, settings)
      .compose(validation -> server.requestHandler(router(validation)).listen());
  }

  private Router router(ContractValidation validation) {
    Router router = Router.router(vertx);
    router.route().handler(guards.connections());
    router.route().handler(new SameOrigin());
    router.route().handler(cors());
    router.route("/api/*").handler(guards.requests());
    // No file uploads: the API takes none, and a stranger's multipart body must not reach the disk.
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(settings.limits().bodyBytes()));
    router.route("/api/*").handler(new Utf8Bodies());
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.json(validation.document()));
    router.route("/api/*").handler(validation.publicOperations());
    new PublishRoutes(parts.desk(), new PublishRequestParser(validation.headlineChars(), validation.itemsPerPublish()),
      guards.publishAccess(), validation.securedOperations()).mount(router);
    new CorrectionRoutes(guards.publishAccess(), validation.securedOperations(), parts.desk(), validation.headlineChars())
      .mount(router);
    new RegroupRoutes(guards.publishAccess(), validation.securedOperations(), parts.desk(), parts.store()).mount(router);
    new StoryRoutes(parts.store()).mount(router);
    new ReaderRoutes(vertx, guards, settings.stream().retryMillis()).mount(router);
    new StreamRoutes(new Streams(hub, parts.replay(), settings.stream(), parts.pushMetrics()), guards.settings().wsMessageBytes(),
      guards.settings().wsMessagesPerSecond())
      .mount(router);
    new HealthRoutes(parts.store()).mount(router);
    new FigureRoutes(guards.publishAccess(), parts.pushMetrics(), parts.store(), FigureRoutes.storeKind(settings.pgUrl()))
      .mount(router);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(parts.registry()));
    parts.extraRoutes().accept(router);
    new ConsoleRoutes().mount(router);
    router.route("/embed*").handler(this::frameAncestors);
    router.get("/embed").handler(ctx -> ctx.reroute("/embed.html"));
    router.route().handler(StaticHandler.create("web").setMaxAgeSeconds(STATIC_MAX_AGE_SECONDS));
    router.route("/api/*").last().handler(ctx -> ApiErrors.send(ctx, 404, "no such endpoint: " + ctx.request().path()));
    router.errorHandler(413, ctx -> ApiErrors.send(ctx, 413, "request body larger than " + settings.limits().bodyBytes() + " bytes"));
    router.errorHandler(400, ctx -> ApiErrors.send(ctx, 400, "the request could not be read"));
    // only the CORS check fails a request with 403 through the router
    router.errorHandler(403, ctx -> ApiErrors.send(ctx, 403, "requests from this origin are not allowed (see allowedOrigins)"));
    router.errorHandler(500, this::internalError);
    return router;
  }

  /** A failure no route answered: the client gets a JSON 500, the log gets the cause. */
  private void internalError(RoutingContext ctx) {
    LOG.error("{} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    ApiErrors.send(ctx, 500, "internal error");
  }

  /** Which sites may frame the iframe widget: the allowed origins when set, else any. */
  private void frameAncestors(RoutingContext ctx) {
    if (!settings.allowedOrigins().isEmpty()) {
      ctx.response().putHeader("Content-Security-Policy",
        "frame-ancestors 'self' " + String.join(" ", settings.allowedOrigins()));
    }
    ctx.next();
  }

  private CorsHandler cors() {
    CorsHandler cors = CorsHandler.create()
      .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS))
      .allowedHeaders(Set.of("Authorization", "Content-Type", "Last-Event-ID"));
    settings.allowedOrigins().forEach(cors::addOrigin);
    return cors;
  }

  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Graceful: stops accepting, lets in-flight requests (publishes) finish, tells readers to come
   * back later (see {@link dev.newsticker.guard.ShutdownNotice}), and closes what is left after
   * {@code limits.shutdownSeconds}.
   */
  @Override
  public Future<?> stop() {
    return server.shutdown(guards.settings().shutdownSeconds(), TimeUnit.SECONDS)
      .eventually(() -> {
        parts.fanout().unregister(hub);
        hub.stop();
        return Future.succeededFuture();
      });
  }
}
