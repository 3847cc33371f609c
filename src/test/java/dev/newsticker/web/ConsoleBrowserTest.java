package dev.newsticker.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's console at /console, with the mouse, against a real server with a publish token. */
class ConsoleBrowserTest extends ConsoleTestBase {
  /** A one-minute breaking flag has to end by itself: wait for that, however slow the machine. */
  private static final Duration FLAG_END = Duration.ofSeconds(150);

  @Test
  void signInKeepsTheTokenInSessionStorageAndOutOfTheUrl() {
    console.awaitAccess("Sign in with a publish token");
    signIn("not-the-token");
    console.awaitAccess("Refused: the publish token is not valid.");
    assertNull(browser.script("return sessionStorage.getItem('newsticker.console.token')"));

    signIn(TOKEN);
    console.awaitAccess("Signed in as " + EDITOR + ".");
    assertEquals(TOKEN, browser.script("return sessionStorage.getItem('newsticker.console.token')"));
    assertFalse(browser.driver().getCurrentUrl().contains(TOKEN), browser.driver().getCurrentUrl());
    assertFalse(browser.driver().findElement(By.id("signin")).isDisplayed());

    browser.driver().findElement(By.id("signout")).click();
    console.awaitAccess("Sign in with a publish token");
    assertNull(browser.script("return sessionStorage.getItem('newsticker.console.token')"));
  }

  @Test
  void anEditedHeadlineIsCorrectedOnTheTickerPageAndUndoPutsItBack() {
    String id = site.publish(TickerSite.headline("edit-1", "Mayor opens new bridge over the Sava"));
    signIn(TOKEN);
    console.awaitAccess("Signed in");
    console.submit(id, ".edit", "Mayor opens new bridge over the Drava");

    console.awaitNotice("Headline corrected");
    console.awaitTicker("the corrected headline", list -> list.contains("Mayor opens new bridge over the Drava")
      && !list.contains("Mayor opens new bridge over the Sava"));
    browser.await(d -> console.headline(id).equals("Mayor opens new bridge over the Drava"), ConsolePage.PATIENCE);
    browser.await(d -> console.row(id).findElement(By.cssSelector(".history tbody tr")).getText()
      .matches("2 Mayor opens new bridge over the Drava .* correction " + EDITOR + " edit.*"), ConsolePage.PATIENCE);

    browser.driver().findElement(By.id("undo")).click();
    console.awaitNotice("Undone");
    console.awaitTicker("the headline as it was", list -> list.contains("Mayor opens new bridge over the Sava"));
  }

  @Test
  void breakingForOneMinuteShowsTimeLeftAndEndsByItself() {
    String id = site.publish(TickerSite.headline("flag-1", "Storm warning issued for the northern coast"));
    signIn(TOKEN);
    console.awaitAccess("Signed in");
    console.submit(id, ".breaking-form", "1");

    console.awaitNotice("Breaking for 1 min");
    browser.await(d -> console.row(id).findElement(By.cssSelector(".flag")).getText().matches("Breaking · 0 min \\d\\d s left"),
      ConsolePage.PATIENCE);
    browser.await(d -> console.row(id).findElements(By.cssSelector(".flag")).get(0).getText().isEmpty()
      && !console.row(id).getAttribute("class").contains("breaking"), FLAG_END);
    assertTrue(console.row(id).findElement(By.cssSelector(".meta")).getText().contains("revisions"));
  }

  @Test
  void aRefusedActionShowsTheApisReasonVerbatim() {
    String id = site.publish(TickerSite.headline("refused-1", "Council approves the harbour budget"));
    HttpResponse<Buffer> direct = site.editorCall(HttpMethod.PATCH, "/api/v1/stories/" + id,
      new JsonObject().put("headline", "   "));
    assertEquals(400, direct.statusCode());
    String reason = direct.bodyAsJsonObject().getString("error");

    signIn(TOKEN);
    console.awaitAccess("Signed in");
    console.submit(id, ".edit", "   ");

    browser.await(d -> reason.equals(console.refusal()), ConsolePage.PATIENCE);
    assertEquals("Council approves the harbour budget", console.headline(id));
  }

  @Test
  void hostileHeadlinesRenderAsTextAndThePageForbidsForeignScriptsAndFraming() {
    String hostile = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> Flood <b>alert</b>";
    String id = site.publish(TickerSite.headline("hostile-1", hostile));
    signIn(TOKEN);
    console.awaitAccess("Signed in");
    assertEquals(hostile, console.headline(id));
    console.open(id);
    assertEquals(hostile, browser.await(d -> d.findElement(By.cssSelector("li.story[data-id='" + id + "'] .edit input"))
      .getAttribute("value"), ConsolePage.PATIENCE));
    assertTrue(browser.driver().findElements(By.cssSelector("#stories img, #stories b, #stories script")).isEmpty());
    assertNull(browser.script("return window.pwned"));

    HttpResponse<Buffer> page = site.editorCall(HttpMethod.GET, "/console", null);
    assertEquals(200, page.statusCode());
    assertTrue(page.getHeader("Content-Security-Policy").contains("script-src 'self'"));
    assertTrue(page.getHeader("Content-Security-Policy").contains("frame-ancestors 'none'"));
    assertEquals("DENY", page.getHeader("X-Frame-Options"));
  }

  @Test
  void fitsA1024PxScreenAndATablet() {
    String id = site.publish(TickerSite.headline("wide-1", "A very long headline that has to wrap somewhere rather than push "
      + "the console sideways: supercalifragilisticexpialidocious-negotiations-continue-through-the-night"));
    signIn(TOKEN);
    console.awaitAccess("Signed in");
    console.open(id);
    for (int[] size : new int[][] {{1024, 768}, {768, 1024}}) {
      browser.windowSize(size[0], size[1]);
      browser.await(d -> Boolean.TRUE.equals(browser.script(
        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth")), ConsolePage.PATIENCE);
      assertTrue(browser.driver().findElement(By.id("stories")).isDisplayed());
      assertTrue(browser.driver().findElement(By.id("feeds-heading")).isDisplayed());
    }
  }

  @Test
  void theWholeFlowWithTheKeyboardOnly() {
    String id = site.publish(TickerSite.headline("keys-1", "Rail workers vote to end strike"));
    console.tabTo("#token");
    console.keys(TOKEN, Keys.ENTER);
    console.awaitAccess("Signed in as " + EDITOR + ".");

    String story = "li.story[data-id='" + id + "'] ";
    console.tabTo(story + "button.open");
    assertTrue(!"none".equals(console.focusOutline()), "focus is visible");
    console.keys(Keys.ENTER);
    console.awaitHistory(id);

    console.tabTo(story + ".edit input");
    console.chord(Keys.CONTROL, "a");
    console.keys("Rail workers vote to end the strike", Keys.ENTER);
    console.awaitNotice("Headline corrected");
    console.awaitTicker("the corrected headline", list -> list.contains("Rail workers vote to end the strike"));
    console.chord(Keys.ALT, "z");
    console.awaitNotice("Undone");
    console.awaitTicker("the headline as it was", list -> list.contains("Rail workers vote to end strike"));

    console.tabTo(story + ".breaking-form input");
    console.chord(Keys.CONTROL, "a");
    console.keys("5", Keys.ENTER);
    browser.await(d -> console.row(id).findElement(By.cssSelector(".flag")).getText().startsWith("Breaking"), ConsolePage.PATIENCE);
    console.tabTo("[data-key='end-breaking:" + id + "']");
    console.keys(Keys.ENTER);
    browser.await(d -> console.row(id).findElement(By.cssSelector(".flag")).getText().isEmpty(), ConsolePage.PATIENCE);

    console.tabTo("[data-key='retract:" + id + "']");
    console.keys(Keys.ENTER);
    console.awaitNotice("Retracted");
    console.awaitTicker("the line dropped", list -> !list.contains("Rail workers vote to end strike"));
    browser.await(d -> !console.hasRow(id), ConsolePage.PATIENCE);
    console.chord(Keys.ALT, "z");
    console.awaitNotice("Undone");
    console.awaitTicker("the line back", list -> list.contains("Rail workers vote to end strike"));
    browser.await(d -> console.hasRow(id), ConsolePage.PATIENCE);
  }

  /** The console light and dark, as PNGs under target/screenshots (docs/console-*.png are copies of them). */
  @Test
  void screenshots() throws Exception {
    try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream("/webtest/headlines.json")) {
      site.publish(new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8)).stream()
        .map(JsonObject.class::cast).toList());
    }
    String id = site.publish(TickerSite.headline("shot-1", "Officials say strikes kill 24").put("source", "wire")
      .put("category", "world"));
    site.publish(TickerSite.headline("shot-1", "Officials say strikes kill 23").put("source", "wire").put("category", "world"));
    site.editorCall(HttpMethod.POST, "/api/v1/stories/" + id + "/breaking", new JsonObject().put("minutes", 45));
    signIn(TOKEN);
    console.awaitAccess("Signed in");
    console.open(id);
    browser.windowSize(1280, 1000);
    try {
      for (String scheme : new String[] {"light", "dark"}) {
        browser.emulateMedia(Map.of("prefers-color-scheme", scheme));
        browser.await(d -> console.row(id).findElement(By.cssSelector(".flag")).getText().startsWith("Breaking"),
          ConsolePage.PATIENCE);
        assertEquals(scheme.equals("dark") ? "rgb(18, 20, 25)" : "rgb(246, 247, 249)",
          browser.script("return getComputedStyle(document.body).backgroundColor"));
        Path png = browser.screenshot("console-" + scheme, browser.driver());
        assertTrue(Files.size(png) > 1000, png + " is empty");
      }
    } finally {
      browser.emulateMedia(Map.of());
    }
  }
}
