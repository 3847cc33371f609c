package dev.newsticker.api;

import dev.newsticker.config.Settings;
import dev.newsticker.http.ApiErrors;
import dev.newsticker.http.VertxInternals;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Requests checked against the OpenAPI document by vertx-openapi before any route sees them.
 * A refusal keeps the API's error shape: {@code {"error", "item", "field"}}, 400, or 415 for a
 * media type the operation does not take. Public operations are checked in front of every
 * route; secured ones (publish, retract) only after the publisher is known, so a stranger learns
 * nothing from validation messages.
 */
public final class ContractValidation {
  /** Bodies up to this size are checked on the event loop; a larger one would hold it too long. */
  static final int INLINE_BODY_BYTES = 64 * 1024;
  private final JsonObject document;
  private final OpenAPIContract contract;
  private final VertxInternals.RequestChecks checks;
  private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

  private ContractValidation(Vertx vertx, JsonObject document, OpenAPIContract contract) {
    this.document = document;
    this.contract = contract;
    this.checks = VertxInternals.requestChecks(vertx, new CachingContract(contract));
  }

  /** Reads the document (on a worker), sets this server's limits in it, and loads the contract. */
  public static Future<ContractValidation> load(Vertx vertx, Settings settings) {
    return vertx.executeBlocking(() -> OpenApiDocument.read(settings))
      .compose(document -> OpenAPIContract.from(vertx, document.copy())
        .map(contract -> new ContractValidation(vertx, document, contract)));
  }

  /** The longest headline the document allows. */
  int headlineChars() {
    return OpenApiDocument.headlineChars(document);
  }

  /** The most items one publish may carry, as the document says. */
  int itemsPerPublish() {
    return OpenApiDocument.itemsPerPublish(document);
  }

  /** The document as served at {@code /api/v1/openapi.json}. */
  public JsonObject document() {
    return document;
  }

  /** Validates operations open to anyone. */
  public Handler<RoutingContext> publicOperations() {
    return ctx -> validate(ctx, operation -> operation.getSecurityRequirements().isEmpty());
  }

  /** Validates operations that need a publisher; mount after the access check. */
  public Handler<RoutingContext> securedOperations() {
    return ctx -> validate(ctx, operation -> !operation.getSecurityRequirements().isEmpty());
  }

  private void validate(RoutingContext ctx, Predicate<Operation> which) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    // A WebSocket handshake cannot wait for an asynchronous check: its parameters are checked as
    // its subscribe messages are (SubscriptionRequest), by the same rules.
    if (operation == null || !which.test(operation) || isUpgrade(ctx)) {
      ctx.next();
      return;
    }
    RequestBody body = operation.getRequestBody();
    String contentType = ctx.request().getHeader("Content-Type");
    if (body != null && (contentType == null || body.determineContentType(contentType) == null)) {
      ApiErrors.send(ctx, 415, "send " + String.join(" or ", body.getContent().keySet()));
      return;
    }
    extract(ctx, operation)
      .compose(request -> check(ctx, request, operation))
      .onSuccess(valid -> ctx.next())
      .onFailure(failure -> ContractErrors.refuse(ctx, failure));
  }

  /**
   * vertx-openapi 5.0.7 URL-decodes query values a second time (eclipse-vertx/vertx-openapi#117):
   * a value holding "%" throws and a "+" turns into a space. Operations whose inputs are only
   * scalar query parameters (every one of this API's that has any) are read here, decoded once
   * as the routes read them; the rest go to the library, its exceptions turned into refusals.
   */
  private Future<ValidatableRequest> extract(RoutingContext ctx, Operation operation) {
    List<Parameter> parameters = operation.getParameters();
    boolean queryOnly = operation.getRequestBody() == null && !parameters.isEmpty()
      && parameters.stream().allMatch(ContractValidation::isScalarQuery);
    if (queryOnly) {
      Map<String, String> query = new HashMap<>();
      for (Parameter parameter : parameters) {
        query.put(parameter.getName(), ctx.request().getParam(parameter.getName()));
      }
      return Future.succeededFuture(VertxInternals.queryRequest(query));
    }
    try {
      return extractor.extractValidatableRequest(ctx, operation);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The library's checks, on the event loop: vertx-openapi runs every request's checks on a
   * worker, a thread hop per request that costs more than checking a small body. A large body
   * still goes there. Same order as the library: parameters, then the body.
   */
  private Future<?> check(RoutingContext ctx, ValidatableRequest request, Operation operation) {
    if (ctx.body().length() > INLINE_BODY_BYTES) {
      return checks.onWorker(request, operation.getOperationId());
    }
    try {
      for (Parameter parameter : operation.getParameters()) {
        checks.parameter(parameter, inputs(request, parameter.getIn()).get(parameter.getName()));
      }
      if (operation.getRequestBody() != null) {
        checks.body(operation.getRequestBody(), request);
      }
      return Future.succeededFuture();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private static Map<String, RequestParameter> inputs(ValidatableRequest request, Location location) {
    return switch (location) {
      case QUERY -> request.getQuery();
      case PATH -> request.getPathParameters();
      case HEADER -> request.getHeaders();
      case COOKIE -> request.getCookies();
    };
  }

  private static boolean isScalarQuery(Parameter parameter) {
    return parameter.getIn() == Location.QUERY && parameter.getSchemaType() != SchemaType.ARRAY
      && parameter.getSchemaType() != SchemaType.OBJECT;
  }

  private static boolean isUpgrade(RoutingContext ctx) {
    String upgrade = ctx.request().getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }
}
