package dev.newsticker.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;

import java.io.IOException;

/**
 * Why a body the contract could not decode is not JSON, in the API's words and with the place
 * it went wrong, read again with the same parser the server uses (its depth and size limits too).
 */
final class JsonSyntax {
  private JsonSyntax() {
  }

  /** {@code {"error": ...}} for {@code body}, which failed to decode. */
  static JsonObject problem(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject().put("error", "the request has no body");
    }
    try (JsonParser parser = DatabindCodec.mapper().getFactory().createParser(body.getBytes())) {
      if (parser.nextToken() == null) {
        return new JsonObject().put("error", "the body holds no JSON value");
      }
      parser.skipChildren();
      JsonToken after = parser.nextToken();
      if (after != null) {
        return at("the body holds more than one JSON value", parser.currentTokenLocation());
      }
      return new JsonObject().put("error", "the body is not JSON the API can read");
    } catch (StreamConstraintsException e) {
      return new JsonObject().put("error", "the body nests too deeply or holds too long a name or number to read");
    } catch (JsonProcessingException e) {
      return at("the body is not valid JSON", e.getLocation());
    } catch (IOException e) {
      return new JsonObject().put("error", "the body is not valid JSON");
    }
  }

  private static JsonObject at(String error, JsonLocation location) {
    return location == null || location.getLineNr() < 1
      ? new JsonObject().put("error", error)
      : new JsonObject().put("error", error + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")");
  }
}
