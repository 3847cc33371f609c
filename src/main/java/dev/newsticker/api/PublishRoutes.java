package dev.newsticker.api;

import dev.newsticker.desk.DeskAddresses;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.ingest.WireTextException;
import dev.newsticker.ingest.WireTextParser;
import dev.newsticker.model.FeedItem;
import dev.newsticker.store.StoreUnavailableException;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Publishing and retracting: requests checked here, decided by the desk over the bus. */
final class PublishRoutes {
  static final String DEFAULT_SOURCE = "api";
  /** Long enough for a desk taking over in a cluster to load its state; short enough to answer. */
  private static final DeliveryOptions DESK_TIMEOUT = new DeliveryOptions().setSendTimeout(10_000);
  private static final Logger LOG = LoggerFactory.getLogger(PublishRoutes.class);
  private static final String RETRY_SECONDS = String.valueOf(StoreUnavailableException.RETRY_SECONDS);
  private final PublishRequestParser parser;
  private final Handler<RoutingContext> access;
  private final Handler<RoutingContext> validation;

  PublishRoutes(PublishRequestParser parser, Handler<RoutingContext> access, Handler<RoutingContext> validation) {
    this.parser = parser;
    this.access = access;
    this.validation = validation;
  }

  void mount(Router router) {
    router.post("/api/v1/headlines").handler(access).handler(validation).handler(this::publish);
    router.delete("/api/v1/stories/:id").handler(access).handler(validation).handler(this::retract);
  }

  private void publish(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    List<FeedItem> items;
    try {
      items = switch (mediaType) {
        case "application/json" -> parser.parseJson(ctx.body().asString(), DEFAULT_SOURCE);
        case "text/plain" -> parser.check(WireTextParser.parse(ctx.body().asString(), DEFAULT_SOURCE));
        default -> null;
      };
    } catch (InvalidItemException e) {
      ApiErrors.send(ctx, 400, e.toJson());
      return;
    } catch (WireTextException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    if (items == null) {
      ApiErrors.send(ctx, 415, "send application/json (an object or an array) or text/plain wire text");
      return;
    }
    JsonArray json = new JsonArray();
    items.forEach(item -> json.add(item.toJson()));
    ctx.vertx().eventBus().<JsonObject>request(DeskAddresses.INGEST, new JsonObject().put("items", json), DESK_TIMEOUT)
      .onSuccess(reply -> ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(reply.body().getJsonArray("results").encode()))
      .onFailure(failure -> deskFailed(ctx, failure));
  }

  private void retract(RoutingContext ctx) {
    ctx.vertx().eventBus().<JsonObject>request(DeskAddresses.RETRACT, new JsonObject().put("id", ctx.pathParam("id")), DESK_TIMEOUT)
      .onSuccess(reply -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(reply.body().getJsonArray("results").getJsonObject(0).encode()))
      .onFailure(failure -> deskFailed(ctx, failure));
  }

  static void deskFailed(RoutingContext ctx, Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureCode() >= 400) {
      if (reply.failureCode() == 503) {
        ctx.response().putHeader("Retry-After", RETRY_SECONDS);
      }
      ApiErrors.send(ctx, reply.failureCode(), reply.getMessage());
    } else {
      LOG.warn("The desk did not answer: {}", failure.getMessage());
      ctx.response().putHeader("Retry-After", RETRY_SECONDS);
      ApiErrors.send(ctx, 503, "the story desk is not answering; try again shortly");
    }
  }
}
