package dev.newsticker.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;

import java.util.Map;

/**
 * The records' JSON, through jackson-databind: each record names its fields, their order and
 * what it leaves out with annotations. Vert.x's mapper underneath writes an {@code Instant} as
 * ISO-8601 ({@code Instant.toString()}); fields this version does not know are ignored on the
 * way in, so nodes of two versions can share a bus.
 */
public final class RecordJson {
  private static final ObjectMapper MAPPER = DatabindCodec.mapper().copy()
    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private RecordJson() {
  }

  public static String encode(Object record) {
    try {
      return MAPPER.writeValueAsString(record);
    } catch (JsonProcessingException e) {
      throw new EncodeException("cannot encode " + record.getClass().getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  public static <T> T decode(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new DecodeException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
    }
  }

  /** For a response that adds fields of its own (a story with its revisions). */
  public static JsonObject toJsonObject(Object record) {
    return new JsonObject(MAPPER.convertValue(record, MAP));
  }

  public static <T> T fromJsonObject(JsonObject json, Class<T> type) {
    try {
      return MAPPER.convertValue(json.getMap(), type);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("not a " + type.getSimpleName() + ": " + e.getMessage());
    }
  }
}
