package dev.newsticker.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Settings}: the bundled conf/config.json, then an optional config file given as
 * the first argument, then environment variables, each overriding the one before.
 */
public final class SettingsLoader {

  /** Environment variable → dotted path in the configuration. */
  static final Map<String, String> ENVIRONMENT = new LinkedHashMap<>();

  static {
    ENVIRONMENT.put("NEWSTICKER_HTTP_HOST", "http.host");
    ENVIRONMENT.put("NEWSTICKER_HTTP_PORT", "http.port");
    ENVIRONMENT.put("NEWSTICKER_DATA_DIR", "dataDir");
    ENVIRONMENT.put("NEWSTICKER_PG_URL", "pgUrl");
    ENVIRONMENT.put("NEWSTICKER_PUBLISH_TOKEN", "publishToken");
    ENVIRONMENT.put("NEWSTICKER_SUBSCRIBE_TOKEN", "subscribeToken");
    ENVIRONMENT.put("NEWSTICKER_ALLOWED_ORIGINS", "allowedOrigins");
    ENVIRONMENT.put("NEWSTICKER_DEMO", "demo.enabled");
    ENVIRONMENT.put("NEWSTICKER_FEEDS", "feeds.urls");
    ENVIRONMENT.put("NEWSTICKER_FEED_MIN_INTERVAL", "feeds.minIntervalSeconds");
    ENVIRONMENT.put("NEWSTICKER_CLUSTER", "cluster.enabled");
  }

  private SettingsLoader() {
  }

  public static Settings load(List<String> args, Map<String, String> env) {
    JsonObject config = defaults();
    if (!args.isEmpty()) {
      config.mergeIn(readFile(Path.of(args.get(0))), true);
    }
    ENVIRONMENT.forEach((variable, path) -> {
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        put(config, path, value.trim());
      }
    });
    return parse(config);
  }

  /** The bundled defaults with {@code overrides} deep-merged over them; the environment is not read. */
  public static Settings withOverrides(JsonObject overrides) {
    return parse(defaults().mergeIn(overrides.copy(), true));
  }

  static Settings parse(JsonObject config) {
    ConfigReader root = new ConfigReader(config, "");
    ConfigReader http = root.section("http");
    ConfigReader demo = root.section("demo");
    ConfigReader stream = root.section("stream");
    ConfigReader limits = root.section("limits");
    String pgUrl = root.string("pgUrl", null);
    if (pgUrl != null && !pgUrl.matches("(postgres|postgresql)://.+")) {
      throw new ConfigException("pgUrl", "'" + pgUrl + "' is not a postgresql:// URL");
    }
    return new Settings(
      http.string("host", "0.0.0.0"),
      http.integer("port", 8080, 0, 65535),
      Path.of(root.string("dataDir", "./data")),
      pgUrl,
      root.string("publishToken", null),
      root.string("subscribeToken", null),
      root.list("allowedOrigins"),
      demo.bool("enabled", true),
      demo.integer("perMinute", 6, 1, 6000),
      new Settings.Stream(
        stream.integer("heartbeatSeconds", 15, 1, 3600),
        stream.integer("retryMillis", 3000, 100, 600_000),
        stream.integer("snapshotDefault", 20, 0, 10_000),
        stream.integer("snapshotMax", 200, 1, 10_000),
        stream.integer("queueEvents", 512, 1, 1_000_000),
        stream.integer("queueBytes", 1 << 20, 1024, Integer.MAX_VALUE),
        stream.integer("gapGiveUpSeconds", 30, 1, 3600)),
      root.integer("recentEvents", 10_000, 0, 10_000_000),
      root.integer("recentEventsBytes", 64 << 20, 0, Integer.MAX_VALUE),
      new Settings.Limits(
        limits.integer("headlineChars", 400, 10, 100_000),
        limits.integer("itemsPerPublish", 500, 1, 100_000),
        limits.integer("bodyBytes", 1 << 20, 1024, Integer.MAX_VALUE),
        limits.integer("pageMax", 1000, 1, 100_000)),
      config);
  }

  private static JsonObject defaults() {
    try (InputStream in = SettingsLoader.class.getClassLoader().getResourceAsStream("conf/config.json")) {
      if (in == null) {
        throw new IllegalStateException("conf/config.json is missing from the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the bundled conf/config.json", e);
    }
  }

  private static JsonObject readFile(Path file) {
    try {
      return new JsonObject(Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException("config file " + file, "cannot be read (" + e.getMessage() + ")");
    } catch (DecodeException e) {
      throw new ConfigException("config file " + file, "is not a JSON object (" + e.getMessage() + ")");
    }
  }

  private static void put(JsonObject config, String path, String value) {
    String[] parts = path.split("\\.");
    JsonObject target = config;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject next = target.getJsonObject(parts[i]);
      if (next == null) {
        next = new JsonObject();
        target.put(parts[i], next);
      }
      target = next;
    }
    target.put(parts[parts.length - 1], value);
  }
}
