package dev.newsticker.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page and the widget, light and dark, at desktop width and at 320 px, as PNGs under
 * target/screenshots (the copies under docs/ come from here). Each shot checks its theme applied.
 */
class ScreenshotsBrowserTest extends BrowserTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private static HostSite host;

  @BeforeAll
  static void startHostAndPublish() throws Exception {
    host = HostSite.start(site.vertx(), site.origin());
    try (InputStream in = ScreenshotsBrowserTest.class.getResourceAsStream("/webtest/headlines.json")) {
      site.publish(new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream()
        .map(JsonObject.class::cast).toList());
    }
    site.publish(TickerSite.headline("shot-rates", "Central bank holds rates at 4.25% as inflation cools")
      .put("category", "business").put("source", "wire").put("url", "https://example.com/rates")
      .put("summary", "Markets rose after the decision; the next meeting is in six weeks.").put("byline", "A. Moreau"));
  }

  @AfterAll
  static void stopHost() throws Exception {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void page() throws IOException {
    for (String scheme : new String[] {"light", "dark"}) {
      browser.emulateMedia(Map.of("prefers-color-scheme", scheme));
      browser.driver().get(site.origin() + "/");
      browser.await(d -> d.findElements(By.cssSelector(".nt-list li")).size() == 5, PATIENCE);
      assertEquals(scheme.equals("dark") ? "rgb(22, 24, 29)" : "rgb(255, 255, 255)",
        browser.script("return getComputedStyle(document.querySelector('.nt')).backgroundColor"));
      showTooltip(browser.driver().findElement(By.cssSelector(".nt-list .nt-badge")));
      assertShot(browser.screenshot("page-" + scheme, browser.driver()));
    }
    browser.windowSize(320, 800);
    try {
      browser.driver().navigate().refresh();
      browser.await(d -> d.findElements(By.cssSelector(".nt-list li")).size() == 5, PATIENCE);
      assertShot(browser.screenshot("page-dark-320", browser.driver()));
    } finally {
      browser.windowSize(1000, 800);
      browser.emulateMedia(Map.of());
    }
  }

  @Test
  void widget() throws IOException {
    for (String theme : new String[] {"light", "dark"}) {
      browser.driver().get(host.url("widget-host.html", "", theme));
      WebElement widget = browser.await(d -> d.findElement(By.cssSelector(".newsticker-widget")), PATIENCE);
      browser.await(d -> browser.inShadow(widget, ".nt-list li").size() == 5, PATIENCE);
      assertShot(browser.screenshot("widget-" + theme, widget));
      assertShot(browser.screenshot("widget-host-" + theme, browser.driver()));
    }
  }

  /** Hovering the badge opens its tooltip, so the shots show the previous headline. */
  private static void showTooltip(WebElement badge) {
    new Actions(browser.driver()).moveToElement(badge).perform();
    WebElement tip = badge.findElement(By.xpath("following-sibling::*[@role='tooltip']"));
    browser.await(d -> tip.isDisplayed() && tip.getText().startsWith("Previously:"), PATIENCE);
  }

  private static void assertShot(Path png) throws IOException {
    assertTrue(Files.size(png) > 1000, png + " is empty");
  }
}
