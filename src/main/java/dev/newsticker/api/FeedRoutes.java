package dev.newsticker.api;

import dev.newsticker.http.ApiErrors;
import dev.newsticker.ingest.FeedAddresses;
import dev.newsticker.ingest.FeedPollerVerticle;
import dev.newsticker.ingest.FeedSettings;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * HTTP side of feeds: {@code GET/POST /api/v1/feeds}, {@code DELETE /api/v1/feeds/{id}},
 * {@code POST /api/v1/feeds/{id}/fetch} (changes behind the
 * publisher check the core provides) and the WebSub callback {@code /websub/{feedId}}. Talks to
 * {@link FeedPollerVerticle} over {@link FeedAddresses}.
 */
public class FeedRoutes {
  private static final int REQUEST_BODY_LIMIT = 64 * 1024;

  private final Vertx vertx;
  private final FeedSettings settings;
  private final Handler<RoutingContext> requirePublisher;

  public FeedRoutes(Vertx vertx, FeedSettings settings, Handler<RoutingContext> requirePublisher) {
    this.vertx = vertx;
    this.settings = settings;
    this.requirePublisher = requirePublisher;
  }

  public void mount(Router router) {
    router.get("/api/v1/feeds").handler(this::list);
    router.post("/api/v1/feeds")
      .handler(BodyHandler.create(false).setBodyLimit(REQUEST_BODY_LIMIT))
      .handler(requirePublisher)
      .handler(this::add);
    router.delete("/api/v1/feeds/:id").handler(requirePublisher).handler(this::remove);
    router.post("/api/v1/feeds/:id/fetch").handler(requirePublisher).handler(this::fetchNow);
    router.get("/websub/:feedId").handler(this::verify);
    router.post("/websub/:feedId")
      .handler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()))
      .handler(this::notification);
  }

  private void list(RoutingContext ctx) {
    vertx.eventBus().<JsonObject>request(FeedAddresses.LIST, new JsonObject())
      .onSuccess(reply -> ctx.json(reply.body()))
      .onFailure(e -> fail(ctx, e));
  }

  private void add(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      ApiErrors.send(ctx, 400, "the body must be a JSON object with a url");
      return;
    }
    vertx.eventBus().<JsonObject>request(FeedAddresses.ADD, body)
      .onSuccess(reply -> {
        ctx.response().setStatusCode(201).putHeader("Location", "/api/v1/feeds/" + reply.body().getString("id"));
        ctx.json(reply.body());
      })
      .onFailure(e -> fail(ctx, e));
  }

  private void remove(RoutingContext ctx) {
    vertx.eventBus().request(FeedAddresses.REMOVE, new JsonObject().put("id", ctx.pathParam("id")))
      .onSuccess(reply -> ctx.response().setStatusCode(204).end())
      .onFailure(e -> fail(ctx, e));
  }

  private void fetchNow(RoutingContext ctx) {
    vertx.eventBus().<JsonObject>request(FeedAddresses.FETCH, new JsonObject().put("id", ctx.pathParam("id")))
      .onSuccess(reply -> {
        ctx.response().setStatusCode(202);
        ctx.json(reply.body());
      })
      .onFailure(e -> fail(ctx, e));
  }

  private void verify(RoutingContext ctx) {
    String lease = ctx.queryParams().get("hub.lease_seconds");
    JsonObject request = new JsonObject()
      .put("feedId", ctx.pathParam("feedId"))
      .put("mode", ctx.queryParams().get("hub.mode"))
      .put("topic", ctx.queryParams().get("hub.topic"))
      .put("challenge", ctx.queryParams().get("hub.challenge"))
      .put("leaseSeconds", lease != null && lease.matches("\\d{1,9}") ? Long.valueOf(lease) : null);
    vertx.eventBus().<JsonObject>request(FeedAddresses.WEBSUB_VERIFY, request)
      .onSuccess(reply -> ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8")
        .end(reply.body().getString("challenge")))
      .onFailure(e -> fail(ctx, e));
  }

  private void notification(RoutingContext ctx) {
    String signature = ctx.request().getHeader("X-Hub-Signature");
    if (signature == null) {
      signature = ctx.request().getHeader("X-Hub-Signature-256");
    }
    DeliveryOptions options = new DeliveryOptions().addHeader("feedId", ctx.pathParam("feedId"));
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType != null) {
      options.addHeader("contentType", contentType);
    }
    if (signature != null) {
      options.addHeader("signature", signature);
    }
    vertx.eventBus().request(FeedAddresses.WEBSUB_NOTIFY, ctx.body().buffer(), options)
      .onSuccess(reply -> ctx.response().setStatusCode(202).end())
      .onFailure(e -> fail(ctx, e));
  }

  private static void fail(RoutingContext ctx, Throwable e) {
    if (e instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      ApiErrors.send(ctx, reply.failureCode(), reply.getMessage());
    } else {
      ApiErrors.send(ctx, 503, "the feed poller is not available");
    }
  }
}
