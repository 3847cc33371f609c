package dev.newsticker.api;

import dev.newsticker.http.ApiErrors;
import dev.newsticker.http.QueryParams;
import dev.newsticker.model.StoryFilter;
import dev.newsticker.store.StoreUnavailableException;
import dev.newsticker.store.StoryStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading stories and the event log. */
final class StoryRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(StoryRoutes.class);
  private static final int DEFAULT_LIMIT = 50;
  private final StoryStore store;

  StoryRoutes(StoryStore store) {
    this.store = store;
  }

  void mount(Router router) {
    router.get("/api/v1/stories").handler(this::stories);
    router.get("/api/v1/stories/:id").handler(this::story);
    router.get("/api/v1/events").handler(this::events);
  }

  private void stories(RoutingContext ctx) {
    int limit;
    Long before;
    StoryFilter filter;
    try {
      limit = Math.toIntExact(QueryParams.number(ctx.request()::getParam, "limit", DEFAULT_LIMIT));
      before = QueryParams.optionalNumber(ctx.request()::getParam, "before");
      filter = QueryParams.filter(ctx.request()::getParam);
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    reply(ctx, store.newest(limit, filter, before).map(snapshot -> {
      JsonArray stories = new JsonArray();
      snapshot.stories().forEach(stories::add);
      JsonObject page = new JsonObject().put("seq", snapshot.seq()).put("stories", stories);
      if (snapshot.stories().size() == limit) {
        page.put("next", snapshot.stories().get(limit - 1).lastSeq());
      }
      return page;
    }));
  }

  private void story(RoutingContext ctx) {
    store.story(ctx.pathParam("id"))
      .onSuccess(found -> {
        if (found.isEmpty()) {
          ApiErrors.send(ctx, 404, "no story with id " + ctx.pathParam("id"));
          return;
        }
        if (found.get().mergedInto() != null) {
          String survivor = "/api/v1/stories/" + found.get().mergedInto();
          ctx.response().setStatusCode(301).putHeader("Location", survivor);
          ctx.json(new JsonObject().put("id", ctx.pathParam("id")).put("mergedInto", found.get().mergedInto()));
          return;
        }
        JsonArray revisions = new JsonArray();
        found.get().revisions().forEach(revisions::add);
        ctx.json(found.get().story().toJson().put("revisions", revisions));
      })
      .onFailure(failure -> storeFailed(ctx, failure));
  }

  private void events(RoutingContext ctx) {
    long since;
    int limit;
    try {
      since = QueryParams.number(ctx.request()::getParam, "since", 0);
      limit = Math.toIntExact(QueryParams.number(ctx.request()::getParam, "limit", 100));
    } catch (IllegalArgumentException e) {
      ApiErrors.send(ctx, 400, e.getMessage());
      return;
    }
    reply(ctx, store.eventsAfter(since, limit).map(events -> {
      JsonArray array = new JsonArray();
      events.forEach(array::add);
      return new JsonObject().put("events", array);
    }));
  }

  private static void reply(RoutingContext ctx, Future<JsonObject> body) {
    body.onSuccess(ctx::json).onFailure(failure -> storeFailed(ctx, failure));
  }

  static void storeFailed(RoutingContext ctx, Throwable failure) {
    LOG.warn("A read failed in the store: {}", failure.getMessage(), failure.getCause());
    ctx.response().putHeader("Retry-After", String.valueOf(StoreUnavailableException.RETRY_SECONDS));
    ApiErrors.send(ctx, 503, StoreUnavailableException.REASON);
  }
}
