package dev.newsticker.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Reads typed, validated values from one section of the configuration, naming the setting on error. */
public final class ConfigReader {
  private final JsonObject json;
  private final String prefix;

  public ConfigReader(JsonObject json, String prefix) {
    this.json = json == null ? new JsonObject() : json;
    this.prefix = prefix.isEmpty() ? "" : prefix + ".";
  }

  public ConfigReader section(String name) {
    Object value = json.getValue(name);
    if (value != null && !(value instanceof JsonObject)) {
      throw new ConfigException(prefix + name, "must be an object");
    }
    return new ConfigReader((JsonObject) value, prefix + name);
  }

  public int integer(String name, int fallback, int min, int max) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    long number;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = n.longValue();
    } else if (value instanceof String text && text.trim().matches("-?\\d{1,10}")) {
      number = Long.parseLong(text.trim());
    } else {
      throw new ConfigException(prefix + name, "'" + value + "' is not a whole number");
    }
    if (number < min || number > max) {
      throw new ConfigException(prefix + name, number + " is outside " + min + ".." + max);
    }
    return (int) number;
  }

  public boolean bool(String name, boolean fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).trim().toLowerCase();
    if (text.equals("true") || text.equals("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(prefix + name, "'" + value + "' is not true or false");
  }

  public String string(String name, String fallback) {
    Object value = json.getValue(name);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String text)) {
      throw new ConfigException(prefix + name, "must be a string");
    }
    return text.isBlank() ? fallback : text.trim();
  }

  /** A list given as a JSON array or as a comma-separated string. */
  public List<String> list(String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonArray array) {
      return array.stream().map(String::valueOf).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    if (value instanceof String text) {
      return List.of(text.split(",")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
    throw new ConfigException(prefix + name, "must be a list or a comma-separated string");
  }

  public JsonObject raw() {
    return json;
  }
}
