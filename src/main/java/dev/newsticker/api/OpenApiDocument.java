package dev.newsticker.api;

import dev.newsticker.config.Settings;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The API's OpenAPI document ({@code api/openapi.json}) with this server's limits written into its
 * schemas: served at {@code /api/v1/openapi.json} and the one source of every input rule.
 */
final class OpenApiDocument {
  private static final String DOCUMENT = "api/openapi.json";

  private OpenApiDocument() {
  }

  /** The bundled document with the configured limits written into its schemas. */
  static JsonObject read(Settings settings) throws IOException {
    JsonObject document;
    try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new IOException(DOCUMENT + " is missing from the classpath");
      }
      document = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    JsonObject paths = document.getJsonObject("paths");
    headline(document).put("maxLength", settings.limits().headlineChars());
    publishArray(document).put("maxItems", settings.limits().itemsPerPublish());
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

  static int headlineChars(JsonObject document) {
    return headline(document).getInteger("maxLength");
  }

  static int itemsPerPublish(JsonObject document) {
    return publishArray(document).getInteger("maxItems");
  }

  private static JsonObject headline(JsonObject document) {
    return document.getJsonObject("components").getJsonObject("schemas").getJsonObject("Item")
      .getJsonObject("properties").getJsonObject("headline");
  }

  private static JsonObject publishArray(JsonObject document) {
    return document.getJsonObject("paths").getJsonObject("/api/v1/headlines").getJsonObject("post")
      .getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
      .getJsonObject("schema").getJsonArray("oneOf").getJsonObject(1);
  }
}
