package dev.newsticker.api;

import dev.newsticker.http.ApiErrors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A refusal of vertx-openapi's validator as the API answers it: {@code {"error", "item", "field"}}
 * with 400, naming what a person can fix rather than the validator's own wording where it can.
 */
final class ContractErrors {
  private static final Pattern PARAMETER = Pattern.compile("parameter (\\S+?)[,.: ]");
  private static final Pattern PROPERTY = Pattern.compile("\"([^\"]+)\"");

  private ContractErrors() {
  }

  /** Answers a request the contract refused, in the API's words. */
  static void refuse(RoutingContext ctx, Throwable failure) {
    if (!(failure instanceof ValidatorException invalid)) {
      ApiErrors.send(ctx, 400, "the request could not be read");
      return;
    }
    String message = invalid.getMessage() == null ? "" : invalid.getMessage();
    if (invalid instanceof SchemaValidationException schema && message.startsWith("The value of the request body")) {
      ApiErrors.send(ctx, 400, bodyError(schema.getOutputUnit()));
      return;
    }
    Matcher parameter = PARAMETER.matcher(message + " ");
    if (parameter.find()) {
      String name = parameter.group(1);
      ApiErrors.send(ctx, 400, new JsonObject().put("error", "'" + name + "' " + ContractWording.rule(name, message)).put("field", name));
      return;
    }
    ApiErrors.send(ctx, 400, JsonSyntax.problem(ctx.body() == null ? null : ctx.body().buffer()));
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
    String rule = isAdditional(best) ? "is not a known field" : ContractWording.rule(field, best.getError());
    if (field == null) {
      Matcher property = PROPERTY.matcher(best.getError() == null ? "" : best.getError());
      field = property.find() ? property.group(1) : null;
    }
    String within = path.length > fieldAt + 1 ? " (at " + String.join("/", Arrays.copyOfRange(path, fieldAt + 1, path.length)) + ")" : "";
    String subject = field != null ? (index >= 0 ? "item " + index + ": " : "") + "'" + field + "'" + within
      : index >= 0 ? "item " + index : "the body";
    JsonObject reason = new JsonObject()
      .put("error", subject + " " + rule);
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
