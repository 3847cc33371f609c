package dev.newsticker.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsLoaderTest {
  @TempDir
  Path dir;

  @Test
  void defaultsComeFromTheBundledConfig() {
    Settings settings = SettingsLoader.load(List.of(), Map.of());
    assertEquals(8080, settings.httpPort());
    assertEquals(Path.of("./data"), settings.dataDir());
    assertTrue(settings.demo());
    assertNull(settings.publishToken());
    assertEquals(15, settings.stream().heartbeatSeconds());
  }

  @Test
  void theEnvironmentOverridesTheConfigFileWhichOverridesTheDefaults() throws IOException {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"http\":{\"port\":9000},\"demo\":{\"enabled\":false},\"publishToken\":\"from-file\"}");
    Settings settings = SettingsLoader.load(List.of(file.toString()), Map.of(
      "NEWSTICKER_HTTP_PORT", "9100", "NEWSTICKER_DATA_DIR", "/var/lib/ticker", "NEWSTICKER_ALLOWED_ORIGINS", "https://a.example, https://b.example"));
    assertEquals(9100, settings.httpPort());
    assertEquals(Path.of("/var/lib/ticker"), settings.dataDir());
    assertFalse(settings.demo());
    assertEquals("from-file", settings.publishToken());
    assertEquals(List.of("https://a.example", "https://b.example"), settings.allowedOrigins());
    assertEquals("1", SettingsLoader.load(List.of(), Map.of("NEWSTICKER_FEED_MIN_INTERVAL", "1"))
      .section("feeds").getString("minIntervalSeconds"));
  }

  @Test
  void badSettingsAreRefusedByName() {
    assertMessage("NEWSTICKER_HTTP_PORT", Map.of("NEWSTICKER_HTTP_PORT", "abc"));
    assertMessage("outside 0..65535", Map.of("NEWSTICKER_HTTP_PORT", "70000"));
    assertMessage("NEWSTICKER_DEMO", Map.of("NEWSTICKER_DEMO", "sometimes"));
    assertMessage("NEWSTICKER_PG_URL", Map.of("NEWSTICKER_PG_URL", "mysql://x"));
  }

  @Test
  void anUnreadableConfigFileIsNamed() {
    ConfigException missing = assertThrows(ConfigException.class,
      () -> SettingsLoader.load(List.of(dir.resolve("absent.json").toString()), Map.of()));
    assertTrue(missing.getMessage().contains("absent.json"), missing.getMessage());
  }

  private static void assertMessage(String expected, Map<String, String> env) {
    ConfigException e = assertThrows(ConfigException.class, () -> SettingsLoader.load(List.of(), env));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
