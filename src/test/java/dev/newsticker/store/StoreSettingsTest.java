package dev.newsticker.store;

import dev.newsticker.config.ConfigException;
import dev.newsticker.config.SettingsLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "pg" and "retention" sections: bundled defaults, overrides, and errors that name the setting. */
class StoreSettingsTest {

  @Test
  void bundledDefaultsMatchTheCodeDefaults() {
    var settings = SettingsLoader.withOverrides(new JsonObject());
    assertEquals(PgStoreOptions.DEFAULTS, PgStoreOptions.from(settings.section("pg")));
    assertEquals(new Retention.Settings(30, 30, 60, 500, 50), Retention.Settings.from(settings.section("retention")));
  }

  @Test
  void overridesApply() {
    var settings = SettingsLoader.withOverrides(new JsonObject()
      .put("pg", new JsonObject().put("poolSize", 3))
      .put("retention", new JsonObject().put("eventsDays", 0)));
    assertEquals(new PgStoreOptions(3, 2000, 5000), PgStoreOptions.from(settings.section("pg")));
    assertEquals(0, Retention.Settings.from(settings.section("retention")).eventsDays());
  }

  @Test
  void badValuesNameTheirSetting() {
    ConfigException pool = assertThrows(ConfigException.class,
      () -> PgStoreOptions.from(new JsonObject().put("poolSize", 0)));
    assertTrue(pool.getMessage().contains("pg.poolSize"), pool.getMessage());
    ConfigException days = assertThrows(ConfigException.class,
      () -> Retention.Settings.from(new JsonObject().put("eventsDays", "a month")));
    assertTrue(days.getMessage().contains("retention.eventsDays"), days.getMessage());
  }
}
