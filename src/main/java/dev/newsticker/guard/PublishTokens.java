package dev.newsticker.guard;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The publish tokens this node accepts, by name: the unnamed {@code publishToken}, the hashes in
 * {@code auth.publishTokens}, and the hashes in the tokens file. The file is the rotation path:
 * it is re-read (on a worker) whenever its modification time or size changes, so adding or
 * revoking a token takes effect within {@code auth.reloadMillis}, without a restart. A file that
 * does not parse keeps the previous tokens (logged once per change), so a half-written edit
 * never locks the newsroom out nor lets anyone in; a deleted file leaves the configured tokens.
 */
public final class PublishTokens {
  private static final Logger LOG = LoggerFactory.getLogger(PublishTokens.class);
  /** The name of the token given as NEWSTICKER_PUBLISH_TOKEN. */
  public static final String DEFAULT_NAME = "default";

  private final List<GuardSettings.NamedHash> fixed;
  private final Path file;
  private volatile List<Entry> tokens;
  private volatile String fileStamp = "";
  private long timer = -1;
  private Vertx vertx;

  private record Entry(String name, byte[] hash) {
  }

  public PublishTokens(String plainToken, GuardSettings settings) {
    List<GuardSettings.NamedHash> all = new ArrayList<>();
    if (plainToken != null) {
      all.add(new GuardSettings.NamedHash(DEFAULT_NAME, sha256Hex(plainToken)));
    }
    all.addAll(settings.publishTokens());
    this.fixed = List.copyOf(all);
    this.file = settings.tokensFile();
    this.tokens = entries(fixed);
    if (file != null) {
      reload();
    }
  }

  /** Starts watching the tokens file, if there is one. */
  public void watch(Vertx vertx, int reloadMillis) {
    if (file == null) {
      return;
    }
    this.vertx = vertx;
    timer = vertx.setPeriodic(reloadMillis, id -> vertx.executeBlocking(() -> {
      reload();
      return null;
    }));
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Whether any token is configured at all; without one, only loopback clients publish. */
  public boolean any() {
    return !tokens.isEmpty() || file != null;
  }

  /** The name of the token presented, if it is one of ours. Compares every hash in constant time. */
  public Optional<String> match(String presented) {
    byte[] hash = sha256(presented);
    String found = null;
    for (Entry entry : tokens) {
      if (MessageDigest.isEqual(hash, entry.hash()) && found == null) {
        found = entry.name();
      }
    }
    return Optional.ofNullable(found);
  }

  synchronized void reload() {
    String stamp;
    String text;
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      stamp = modified.toMillis() + ":" + Files.size(file);
      if (stamp.equals(fileStamp)) {
        return;
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
      fileStamp = stamp;
    } catch (NoSuchFileException e) {
      if (!fileStamp.equals("missing")) {
        LOG.warn("Tokens file {} does not exist; only the configured tokens are valid", file);
        fileStamp = "missing";
        tokens = entries(fixed);
      }
      return;
    } catch (IOException e) {
      LOG.warn("Tokens file {} cannot be read, keeping the tokens I have: {}", file, e.getMessage());
      return;
    }
    try {
      List<GuardSettings.NamedHash> fromFile = GuardSettings.hashes(new JsonObject(text).getValue("publishTokens"),
        file + ": publishTokens");
      List<GuardSettings.NamedHash> all = new ArrayList<>(fixed);
      all.addAll(fromFile);
      tokens = entries(all);
      LOG.info("Publish tokens reloaded from {}: {}", file, fromFile.stream().map(GuardSettings.NamedHash::name).toList());
    } catch (RuntimeException e) { // ConfigException or DecodeException: a bad edit
      LOG.warn("Tokens file {} is not valid, keeping the tokens I have: {}", file, e.getMessage());
    }
  }

  private static List<Entry> entries(List<GuardSettings.NamedHash> hashes) {
    return hashes.stream().map(h -> new Entry(h.name(), HexFormat.of().parseHex(h.sha256()))).toList();
  }

  public static String sha256Hex(String token) {
    return HexFormat.of().formatHex(sha256(token));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
