package dev.newsticker.api;

import dev.newsticker.config.Settings;
import dev.newsticker.http.ApiErrors;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Requests checked against the OpenAPI document by vertx-openapi before any route sees them.
 * A refusal keeps the API's error shape: {@code {"error", "item", "field"}}, 400, or 415 for a
 * media type the operation does not take. Public operations are checked in front of every
 * route; secured ones (publish, retract) only after the publisher is known, so a stranger learns
 * nothing from validation messages.
 */
public final class ContractValidation {
  private static final Pattern PARAMETER = Pattern.compile("parameter (\\S+?)[,.: ]");
  private static final Pattern PROPERTY = Pattern.compile("\"([^\"]+)\"");
  private static final String DOCUMENT = "api/openapi.json";
  /** Bodies up to this size are checked on the event loop; a larger one would hold it too long. */
  static final int INLINE_BODY_BYTES = 64 * 1024;
  private final JsonObject document;
  private final OpenAPIContract contract;
  private final RequestValidatorImpl validator;
  private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

  private ContractValidation(Vertx vertx, JsonObject document, OpenAPIContract contract) {
    this.document = document;
    this.contract = contract;
    this.validator = new RequestValidatorImpl(vertx, new CachingContract(contract));
  }

  /** Reads the document (on a worker), sets this server's limits in it, and loads the contract. */
  public static Future<ContractValidation> load(Vertx vertx, Settings settings) {
    return vertx.executeBlocking(() -> document(settings))
      .compose(document -> OpenAPIContract.from(vertx, document.copy())
        .map(contract -> new ContractValidation(vertx, document, contract)));
  }

  /** The bundled document with the configured limits written into its schemas. */
  static JsonObject document(Settings settings) throws IOException {
    JsonObject document;
    try (InputStream in = ContractValidation.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IOException(DOCUMENT + " is missing from the classpath");
      }
      document = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    JsonObject paths = document.getJsonObject("paths");
    document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Item")
      .getJsonObject("properties").getJsonObject("headline").put("maxLength", settings.limits().headlineChars());
    paths.getJsonObject("/api/v1/headlines").getJsonObject("post").getJsonObject("requestBody").getJsonObject("content")
      .getJsonObject("application/json").getJsonObject("schema").getJsonArray("oneOf").getJsonObject(1)
      .put("maxItems", settings.limits().itemsPerPublish());
    for (String path : List.of("/api/v1/stories", "/api/v1/events", "/api/v1/stream", "/api/v1/ws")) {
      paths.getJsonObject(path).getJsonObject("get").getJsonArray("parameters").forEach(parameter -> {
        JsonObject p = (JsonObject) parameter;
        switch (p.getString("name")) {
          case "limit" -> p.getJsonObject("schema").put("maximum", settings.limits().pageMax());
          case "snapshot" -> p.getJsonObject("schema").put("maximum", settings.stream().snapshotMax());
          default -> { }
        }
      });
    }
    return document;
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
      .onFailure(failure -> refuse(ctx, failure));
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
      Map<String, RequestParameter> query = new HashMap<>();
      for (Parameter parameter : parameters) {
        query.put(parameter.getName(), new RequestParameterImpl(ctx.request().getParam(parameter.getName())));
      }
      return Future.succeededFuture(new ValidatableRequestImpl(Map.of(), Map.of(), Map.of(), query));
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
      return validator.validate(request, operation.getOperationId());
    }
    try {
      for (Parameter parameter : operation.getParameters()) {
        validator.validateParameter(parameter, inputs(request, parameter.getIn()).get(parameter.getName()));
      }
      if (operation.getRequestBody() != null) {
        validator.validateBody(operation.getRequestBody(), request);
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

  private static void refuse(RoutingContext ctx, Throwable failure) {
    if (!(failure instanceof ValidatorException invalid)) {
      ApiErrors.send(ctx, 400, "the request could not be read: " + failure.getMessage());
      return;
    }
    String message = invalid.getMessage() == null ? "" : invalid.getMessage();
    if (invalid instanceof SchemaValidationException schema && message.startsWith("The value of the request body")) {
      ApiErrors.send(ctx, 400, bodyError(schema.getOutputUnit()));
      return;
    }
    Matcher parameter = PARAMETER.matcher(message + " ");
    JsonObject reason = new JsonObject();
    if (parameter.find()) {
      reason.put("error", "'" + parameter.group(1) + "' is not valid: " + message).put("field", parameter.group(1));
    } else {
      reason.put("error", message.isEmpty() ? "the request does not match the API" : message);
    }
    ApiErrors.send(ctx, 400, reason);
  }

  /**
   * The schema error a person can act on, naming the item and the field. The validator lists
   * every error of both shapes a publish may take (an object, an array); the wrappers ("a
   * subschema had errors") and the shape that was not meant go, and the deepest error left wins.
   */
  static JsonObject bodyError(OutputUnit output) {
    List<OutputUnit> all = output.getErrors() == null || output.getErrors().isEmpty() ? List.of(output) : output.getErrors();
    List<OutputUnit> leaves = all.stream().filter(e -> !isWrapper(e)).toList();
    List<OutputUnit> meant = leaves.stream().filter(e -> !isWrongShape(e)).toList();
    List<OutputUnit> specific = meant.stream()
      .filter(e -> !isAdditional(e) || meant.stream().noneMatch(o -> o != e && !isAdditional(o)
        && o.getInstanceLocation().equals(e.getInstanceLocation())))
      .toList();
    List<OutputUnit> candidates = !specific.isEmpty() ? specific : !leaves.isEmpty() ? leaves : all;
    OutputUnit best = candidates.stream().max(Comparator.comparingInt(e -> depth(e.getInstanceLocation()))).orElse(output);
    String[] path = location(best.getInstanceLocation());
    int index = path.length > 0 && path[0].matches("\\d{1,9}") ? Integer.parseInt(path[0]) : -1;
    int fieldAt = index >= 0 ? 1 : 0;
    String field = path.length > fieldAt ? path[fieldAt] : null;
    String error = best.getError() == null ? "does not match the API" : best.getError();
    if (field == null) {
      Matcher property = PROPERTY.matcher(error);
      field = property.find() ? property.group(1) : null;
    }
    if (isAdditional(best)) {
      error = "unknown field";
    }
    JsonObject reason = new JsonObject()
      .put("error", (index >= 0 ? "item " + index + ": " : "") + (field == null ? "body: " : "'" + field + "': ") + error);
    if (index >= 0) {
      reason.put("item", index);
    }
    if (field != null) {
      reason.put("field", field);
    }
    return reason;
  }

  private static boolean isWrapper(OutputUnit error) {
    String keyword = error.getKeywordLocation() == null ? "" : error.getKeywordLocation();
    return keyword.endsWith("/oneOf") || keyword.endsWith("$ref") || keyword.endsWith("/properties")
      || keyword.endsWith("/items");
  }

  /** A type error on the whole body: the body is the other shape (object vs. array). */
  private static boolean isWrongShape(OutputUnit error) {
    String keyword = error.getKeywordLocation() == null ? "" : error.getKeywordLocation();
    return keyword.endsWith("/type") && depth(error.getInstanceLocation()) == 0;
  }

  private static boolean isAdditional(OutputUnit error) {
    return error.getKeywordLocation() != null && error.getKeywordLocation().endsWith("/additionalProperties");
  }

  private static int depth(String instanceLocation) {
    return location(instanceLocation).length;
  }

  private static String[] location(String instanceLocation) {
    if (instanceLocation == null || instanceLocation.isEmpty() || instanceLocation.equals("#") || instanceLocation.equals("/")) {
      return new String[0];
    }
    String path = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    return path.startsWith("/") ? path.substring(1).split("/") : path.split("/");
  }
}
