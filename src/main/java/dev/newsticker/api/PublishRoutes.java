package dev.newsticker.api;

import dev.newsticker.desk.DeskClient;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.ingest.WireTextException;
import dev.newsticker.ingest.WireTextParser;
import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import dev.newsticker.store.StoreUnavailableException;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Publishing and retracting: requests checked here, decided by the desk over the bus. */
final class PublishRoutes {
  static final String DEFAULT_SOURCE = "api";
  private static final Logger LOG = LoggerFactory.getLogger(PublishRoutes.class);
  private static final String RETRY_SECONDS = String.valueOf(StoreUnavailableException.RETRY_SECONDS);
  private final DeskClient desk;
  private final PublishRequestParser parser;
  private final Handler<RoutingContext> access;
  private final Handler<RoutingContext> validation;

  PublishRoutes(DeskClient desk, PublishRequestParser parser, Handler<RoutingContext> access,
                Handler<RoutingContext> validation) {
    this.desk = desk;
    this.parser = parser;
    this.access = access;
    this.validation = validation;
  }

  void mount(Router router) {
    router.post("/api/v1/headlines").handler(access).handler(validation).handler(this::publish);
    router.delete("/api/v1/stories/:id").handler(access).handler(validation).handler(this::retract);
  }

  private void publish(RoutingContext ctx) {
    // the contract answered 415 for any other media type
    String contentType = ctx.request().getHeader("Content-Type");
    boolean wireText = contentType.split(";")[0].trim().equalsIgnoreCase("text/plain");
    List<FeedItem> items;
    try {
      items = wireText ? parser.check(WireTextParser.parse(ctx.body().asString(), DEFAULT_SOURCE))
        : parser.parseJson(ctx.body().asString(), DEFAULT_SOURCE);
    } catch (InvalidItemException e) {
      ApiErrors.send(ctx, 400, e.toJson());
      return;
    } catch (WireTextException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    desk.ingest(items)
      .onSuccess(results -> ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(new JsonArray(results.stream().map(PublishResult::toJson).toList()).encode()))
      .onFailure(failure -> deskFailed(ctx, failure));
  }

  private void retract(RoutingContext ctx) {
    desk.retract(ctx.pathParam("id"))
      .onSuccess(result -> ctx.response()
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .end(result.toJson().encode()))
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
