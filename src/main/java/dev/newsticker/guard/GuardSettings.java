package dev.newsticker.guard;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.ConfigReader;
import dev.newsticker.config.Settings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hardening settings: section {@code auth} (named publish tokens, the tokens file) and the
 * limits of section {@code limits} that the core's {@link Settings.Limits} does not hold.
 */
public record GuardSettings(
  List<NamedHash> publishTokens,
  Path tokensFile,
  int tokensReloadMillis,
  int uriChars,
  int paramChars,
  int wsMessageBytes,
  int wsMessagesPerSecond,
  int connectionsTotal,
  int connectionsPerAddress,
  int connectionsReserve,
  int descriptorReserve,
  int requestHeadSeconds,
  int idleSeconds,
  double publishesPerSecond,
  int publishBurst,
  int shutdownSeconds) {

  /** A token known by the SHA-256 of its UTF-8 bytes, never by the token itself. */
  public record NamedHash(String name, String sha256) {
  }

  public static GuardSettings from(Settings settings) {
    ConfigReader auth = new ConfigReader(settings.section("auth"), "auth");
    ConfigReader limits = new ConfigReader(settings.section("limits"), "limits");
    String file = auth.string("tokensFile", null);
    Path tokensFile = file == null ? null : settings.dataDir().resolve(file);
    int connectionsTotal = limits.integer("connectionsTotal", 10_000, 1, 1_000_000);
    int connectionsReserve = limits.integer("connectionsReserve", 100, 0, 1_000_000);
    if (connectionsReserve >= connectionsTotal) {
      throw new ConfigException("limits.connectionsReserve", "must be below limits.connectionsTotal (" + connectionsTotal + ")");
    }
    int idleSeconds = limits.integer("idleSeconds", 120, 2, 86_400);
    if (idleSeconds <= settings.stream().heartbeatSeconds()) {
      // a reader that is sent no event hears only the heartbeat: it must come before the idle timeout
      throw new ConfigException("limits.idleSeconds", "must be above stream.heartbeatSeconds (" + settings.stream().heartbeatSeconds() + ")");
    }
    return new GuardSettings(
      hashes(settings.section("auth").getValue("publishTokens"), "auth.publishTokens"),
      tokensFile,
      auth.integer("reloadMillis", 2000, 100, 3_600_000),
      limits.integer("uriChars", 4096, 256, 65_536),
      limits.integer("paramChars", 200, 16, 65_536),
      limits.integer("wsMessageBytes", 65_536, 256, 16 << 20),
      limits.integer("wsMessagesPerSecond", 20, 1, 100_000),
      connectionsTotal,
      limits.integer("connectionsPerAddress", 1000, 1, 1_000_000),
      connectionsReserve,
      limits.integer("descriptorReserve", 256, 0, 100_000_000),
      limits.integer("requestHeadSeconds", 10, 1, 3600),
      idleSeconds,
      limits.integer("publishesPerSecond", 50, 1, 1_000_000),
      limits.integer("publishBurst", 200, 1, 1_000_000),
      limits.integer("shutdownSeconds", 10, 1, 600));
  }

  /** Reads {@code [{"name": ..., "sha256": ...}]}; also used for the tokens file. */
  public static List<NamedHash> hashes(Object value, String where) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new ConfigException(where, "must be a list of {\"name\", \"sha256\"}");
    }
    List<NamedHash> hashes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject entry)) {
        throw new ConfigException(where + "[" + i + "]", "must be an object with name and sha256");
      }
      String name = entry.getValue("name") instanceof String s && !s.isBlank() ? s.trim() : null;
      String hash = entry.getValue("sha256") instanceof String s ? s.trim().toLowerCase() : "";
      if (name == null) {
        throw new ConfigException(where + "[" + i + "].name", "is missing");
      }
      if (!hash.matches("[0-9a-f]{64}")) {
        throw new ConfigException(where + "[" + i + "].sha256", "must be 64 hex digits (sha256sum of the token)");
      }
      hashes.add(new NamedHash(name, hash));
    }
    return hashes;
  }
}
