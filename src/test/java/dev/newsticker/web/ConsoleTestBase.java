package dev.newsticker.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;

/**
 * One real server with an editor's publish token, one headless Chromium with the console and the
 * ticker page open side by side, per test class; skipped with a reason when Chromium is missing.
 */
abstract class ConsoleTestBase {
  static final String EDITOR = "night-desk";
  static final String TOKEN = "c0nsole-t0ken";
  @TempDir
  static Path dataDir;
  static TickerSite site;
  static Browser browser;
  static ConsolePage console;

  @BeforeAll
  static void startSiteAndBrowser() throws Exception {
    Browser.assumeInstalled();
    // every judgment of the desk is a doubt, so the doubts panel has something to show
    site = TickerSite.startWithToken(dataDir, EDITOR, TOKEN,
      new JsonObject().put("desk", new JsonObject().put("doubtBandPercent", 100)));
    browser = Browser.start();
    console = new ConsolePage(browser, site.origin());
  }

  @AfterAll
  static void stopSiteAndBrowser() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (site != null) {
      site.close();
    }
  }

  @BeforeEach
  void openConsole() {
    console.openBoth();
  }

  @AfterEach
  void resetWindow() {
    browser.windowSize(1000, 800);
  }

  static void signIn(String token) {
    WebElement field = browser.await(d -> d.findElement(By.id("token")), ConsolePage.PATIENCE);
    field.clear();
    field.sendKeys(token);
    browser.driver().findElement(By.cssSelector("#signin button[type=submit]")).click();
  }
}
