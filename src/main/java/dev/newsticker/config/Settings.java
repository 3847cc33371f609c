package dev.newsticker.config;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.List;

/**
 * Every setting of a running server, validated. Built by {@link SettingsLoader} from
 * conf/config.json, an optional config file and the environment. Features with settings of
 * their own read their section of {@link #config()} (the merged configuration) and validate it
 * with {@link ConfigReader}.
 */
public record Settings(
  String httpHost,
  int httpPort,
  Path dataDir,
  String pgUrl,
  String publishToken,
  String subscribeToken,
  List<String> allowedOrigins,
  boolean demo,
  int demoPerMinute,
  Stream stream,
  int recentEvents,
  int recentEventsBytes,
  Limits limits,
  JsonObject config) {

  /** How the push side talks to readers. */
  public record Stream(int heartbeatSeconds, int retryMillis, int snapshotDefault, int snapshotMax,
                       int queueEvents, int queueBytes, int gapGiveUpSeconds) {
  }

  /** Bounds on what one request may ask for. */
  public record Limits(int headlineChars, int itemsPerPublish, int bodyBytes, int pageMax) {
  }

  /** A feature's own section of the merged configuration; empty when absent. */
  public JsonObject section(String name) {
    JsonObject section = config.getJsonObject(name);
    return section == null ? new JsonObject() : section;
  }

  public Settings withHttpPort(int port) {
    return new Settings(httpHost, port, dataDir, pgUrl, publishToken, subscribeToken, allowedOrigins, demo,
      demoPerMinute, stream, recentEvents, recentEventsBytes, limits, config);
  }
}
