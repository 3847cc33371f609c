package dev.newsticker.api;

import dev.newsticker.desk.DeskClient;
import dev.newsticker.guard.PublishAccess;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.http.QueryParams;
import dev.newsticker.model.PublishResult;
import dev.newsticker.store.StoryDetail;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.stream.Stream;

/**
 * An editor regroups the desk's stories (merge, split, keep apart) and answers the desk's doubts:
 * the same access as publishing, decided by the desk. Bodies are checked by the contract first.
 */
final class RegroupRoutes {
  private static final int DEFAULT_DOUBTS = 50;
  private final Handler<RoutingContext> access;
  private final Handler<RoutingContext> validation;
  private final DeskClient desk;
  private final StoryStore store;

  RegroupRoutes(Handler<RoutingContext> access, Handler<RoutingContext> validation, DeskClient desk, StoryStore store) {
    this.access = access;
    this.validation = validation;
    this.desk = desk;
    this.store = store;
  }

  void mount(Router router) {
    router.post("/api/v1/stories/:id/merge").handler(access).handler(validation).handler(this::merge);
    router.post("/api/v1/stories/:id/split").handler(access).handler(validation).handler(this::split);
    router.post("/api/v1/stories/:id/apart").handler(access).handler(validation).handler(this::apart);
    router.get("/api/v1/desk/doubts").handler(access).handler(validation).handler(this::doubts);
    router.delete("/api/v1/desk/doubts/:id").handler(access).handler(validation).handler(this::dismiss);
  }

  private void merge(RoutingContext ctx) {
    String absorbed = ctx.pathParam("id");
    Future<JsonObject> answer = desk.merge(absorbed, ctx.body().asJsonObject().getString("into"), by(ctx))
      .compose(result -> storyJson(result).map(survivor -> new JsonObject().put("story", survivor).put("merged", absorbed)));
    answer.onSuccess(ctx::json).onFailure(failure -> PublishRoutes.deskFailed(ctx, failure));
  }

  private void split(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    if (Stream.of("revision", "source", "merged").filter(body::containsKey).count() != 1) {
      ApiErrors.send(ctx, 400, "say which to split off: a \"revision\", a \"source\" or a \"merged\" story, one of them");
      return;
    }
    desk.split(ctx.pathParam("id"), body.getInteger("revision"), body.getString("source"), body.getString("merged"),
      by(ctx))
      .compose(results -> Future.all(storyJson(results.get(0)), storyJson(results.get(1)))
        .map(both -> new JsonObject().put("story", both.<JsonObject>resultAt(0)).put("split", both.<JsonObject>resultAt(1))))
      .onSuccess(ctx::json)
      .onFailure(failure -> PublishRoutes.deskFailed(ctx, failure));
  }

  private void apart(RoutingContext ctx) {
    desk.apart(ctx.pathParam("id"), ctx.body().asJsonObject().getString("from"), by(ctx))
      .onSuccess(done -> ctx.response().setStatusCode(204).end())
      .onFailure(failure -> PublishRoutes.deskFailed(ctx, failure));
  }

  private void doubts(RoutingContext ctx) {
    int limit;
    try {
      limit = Math.toIntExact(QueryParams.number(ctx.request()::getParam, "limit", DEFAULT_DOUBTS));
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    desk.doubts(limit).onSuccess(ctx::json).onFailure(failure -> PublishRoutes.deskFailed(ctx, failure));
  }

  private void dismiss(RoutingContext ctx) {
    desk.dismissDoubt(ctx.pathParam("id"))
      .onSuccess(done -> ctx.response().setStatusCode(204).end())
      .onFailure(failure -> PublishRoutes.deskFailed(ctx, failure));
  }

  /** The story as the desk just stored it (the store answers once the desk has replied). */
  private Future<JsonObject> storyJson(PublishResult result) {
    return store.story(result.storyId()).map(found -> found.map(StoryDetail::story)
      .map(story -> story.toJson()).orElseGet(JsonObject::new));
  }

  private static String by(RoutingContext ctx) {
    return ctx.get(PublishAccess.PUBLISHER);
  }
}
