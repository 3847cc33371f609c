package dev.newsticker.api;

import dev.newsticker.desk.DeskClient;
import dev.newsticker.desk.StoryEdit;
import dev.newsticker.guard.PublishAccess;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.model.PublishResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/** An editor's corrections to the desk's stories: the same access as publishing, decided by the desk. */
final class CorrectionRoutes {
  private final Handler<RoutingContext> access;
  private final Handler<RoutingContext> validation;
  private final DeskClient desk;
  private final StoryEditParser parser;

  /** {@code access} and {@code validation}: the publish access check, then the secured operations' contract check. */
  CorrectionRoutes(Handler<RoutingContext> access, Handler<RoutingContext> validation, DeskClient desk,
                   int headlineChars) {
    this.access = access;
    this.validation = validation;
    this.desk = desk;
    this.parser = new StoryEditParser(headlineChars);
  }

  void mount(Router router) {
    router.patch("/api/v1/stories/:id").handler(access).handler(validation).handler(this::edit);
    router.post("/api/v1/stories/:id/restore").handler(access).handler(validation).handler(this::restore);
    router.post("/api/v1/stories/:id/breaking").handler(access).handler(validation).handler(this::setBreaking);
    router.delete("/api/v1/stories/:id/breaking").handler(access).handler(validation).handler(this::endBreaking);
  }

  private void edit(RoutingContext ctx) {
    StoryEdit edit;
    try {
      edit = parser.parse(ctx.body().asJsonObject());
    } catch (InvalidItemException e) {
      ApiErrors.send(ctx, 400, e.toJson());
      return;
    }
    answer(ctx, desk.edit(ctx.pathParam("id"), edit, ctx.get(PublishAccess.PUBLISHER)));
  }

  private void restore(RoutingContext ctx) {
    answer(ctx, desk.restore(ctx.pathParam("id"), ctx.get(PublishAccess.PUBLISHER)));
  }

  private void setBreaking(RoutingContext ctx) {
    Instant until;
    try {
      until = parser.breakingUntil(ctx.body().asJsonObject(), Instant.now());
    } catch (InvalidItemException e) {
      ApiErrors.send(ctx, 400, e.toJson());
      return;
    }
    answer(ctx, desk.breaking(ctx.pathParam("id"), until, ctx.get(PublishAccess.PUBLISHER)));
  }

  private void endBreaking(RoutingContext ctx) {
    answer(ctx, desk.breaking(ctx.pathParam("id"), null, ctx.get(PublishAccess.PUBLISHER)));
  }

  private static void answer(RoutingContext ctx, Future<PublishResult> decided) {
    decided.onSuccess(result -> ctx.json(result.toJson())).onFailure(failure -> PublishRoutes.deskFailed(ctx, failure));
  }
}
