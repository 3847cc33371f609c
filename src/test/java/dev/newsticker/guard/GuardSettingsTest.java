package dev.newsticker.guard;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.SettingsLoader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hardening settings: defaults from conf/config.json, and bad values named. */
class GuardSettingsTest {

  private static GuardSettings parse(JsonObject overrides) {
    return GuardSettings.from(SettingsLoader.withOverrides(overrides));
  }

  @Test
  void defaultsComeFromTheBundledConfig() {
    GuardSettings settings = parse(new JsonObject());
    assertTrue(settings.publishTokens().isEmpty());
    assertEquals(4096, settings.uriChars());
    assertEquals(1000, settings.connectionsPerAddress());
    assertEquals(100, settings.connectionsReserve());
    assertEquals(10, settings.requestHeadSeconds());
    assertEquals(10, settings.shutdownSeconds());
  }

  @Test
  void aTokenEntryNeedsANameAndASha256() {
    ConfigException noHash = assertThrows(ConfigException.class, () -> parse(new JsonObject().put("auth",
      new JsonObject().put("publishTokens", new JsonArray().add(new JsonObject().put("name", "x").put("sha256", "s3cret"))))));
    assertTrue(noHash.getMessage().contains("auth.publishTokens[0].sha256"), noHash.getMessage());
    ConfigException noName = assertThrows(ConfigException.class, () -> parse(new JsonObject().put("auth",
      new JsonObject().put("publishTokens", new JsonArray().add(new JsonObject().put("sha256", "a".repeat(64)))))));
    assertTrue(noName.getMessage().contains("auth.publishTokens[0].name"), noName.getMessage());
  }

  @Test
  void limitsAreBounded() {
    ConfigException zero = assertThrows(ConfigException.class,
      () -> parse(new JsonObject().put("limits", new JsonObject().put("publishesPerSecond", 0))));
    assertTrue(zero.getMessage().contains("limits.publishesPerSecond"), zero.getMessage());
    ConfigException noRoomForReaders = assertThrows(ConfigException.class, () -> parse(new JsonObject().put("limits",
      new JsonObject().put("connectionsTotal", 50).put("connectionsReserve", 50))));
    assertTrue(noRoomForReaders.getMessage().contains("limits.connectionsReserve"), noRoomForReaders.getMessage());
    ConfigException idleBeforeHeartbeat = assertThrows(ConfigException.class, () -> parse(new JsonObject()
      .put("stream", new JsonObject().put("heartbeatSeconds", 30)).put("limits", new JsonObject().put("idleSeconds", 30))));
    assertTrue(idleBeforeHeartbeat.getMessage().contains("limits.idleSeconds"), idleBeforeHeartbeat.getMessage());
  }

  @Test
  void theTokenHashIsTheSha256OfItsUtf8Bytes() {
    assertEquals("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b", PublishTokens.sha256Hex("secret"));
  }
}
