package dev.newsticker.web;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One real server with an editor's publish token, one headless Chromium with the console and the
 * ticker page open side by side, per test class; skipped with a reason when Chromium is missing.
 */
abstract class ConsoleTestBase extends BrowserTestBase {
  static final String EDITOR = "night-desk";
  static final String TOKEN = "c0nsole-t0ken";
  static ConsolePage console;

  /** Hides {@link BrowserTestBase}'s start (JUnit then runs only this one): a site with a token. */
  @BeforeAll
  static void startSiteAndBrowser() throws Exception {
    Browser.assumeInstalled();
    // every judgment of the desk is a doubt, so the doubts panel has something to show
    site = TickerSite.startWithToken(dataDir, EDITOR, TOKEN,
      new JsonObject().put("desk", new JsonObject().put("doubtBandPercent", 100)));
    browser = Browser.start();
    console = new ConsolePage(browser, site.origin());
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
