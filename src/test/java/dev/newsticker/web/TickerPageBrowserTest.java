package dev.newsticker.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticker page at / in a real browser against a real server. */
class TickerPageBrowserTest extends BrowserTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(15);


  @AfterEach
  void resetMedia() {
    browser.emulateMedia(Map.of());
  }

  @Test
  void showsAPublishedHeadlineWithinTwoSeconds() {
    openLive("/");
    site.publish(TickerSite.headline("fresh", "Ferry service resumes after two-day strike"));

    browser.await(d -> listHeadlines().contains("Ferry service resumes after two-day strike"), Duration.ofSeconds(2));
  }

  @Test
  void theWebSocketTransportWorksTheSameWay() {
    openLive("/?transport=websocket");
    browser.script("window.seen = []; NewsTicker.connect({ transport: 'websocket',"
      + " onSnapshot: () => seen.push('snapshot'), onStory: (story, e) => seen.push(e.type + ' ' + story.id) });");
    browser.await(d -> seen().contains("snapshot"), PATIENCE);

    String id = site.publish(TickerSite.headline("ws", "Tram line opens two weeks early"));
    site.publish(TickerSite.headline("ws", "Tram line opens three weeks early"));

    browser.await(d -> listHeadlines().contains("Tram line opens three weeks early"), PATIENCE);
    browser.await(d -> seen().size() == 3, PATIENCE);
    assertEquals(List.of("snapshot", "story.new " + id, "story.updated " + id), seen());
    assertEquals(1, browser.driver().findElements(item(id)).size());
  }

  @Test
  void anUpdateReplacesItsLineAndShowsTheBadgeWithThePreviousHeadline() {
    openLive("/");
    String quake = site.publish(TickerSite.headline("quake", "Quake of magnitude 5.1 strikes off the coast").put("url", "https://example.com/q"));
    browser.await(d -> listHeadlines().contains("Quake of magnitude 5.1 strikes off the coast"), PATIENCE);

    assertEquals(quake, site.publish(TickerSite.headline("quake", "Quake of magnitude 5.4 strikes off the coast").put("url", "https://example.com/q")));
    browser.await(d -> listHeadlines().contains("Quake of magnitude 5.4 strikes off the coast"), PATIENCE);

    assertFalse(listHeadlines().contains("Quake of magnitude 5.1 strikes off the coast"));
    List<WebElement> lines = browser.driver().findElements(item(quake));
    assertEquals(1, lines.size());
    WebElement badge = lines.get(0).findElement(By.cssSelector(".nt-badge"));
    WebElement tip = lines.get(0).findElement(By.cssSelector(".nt-tip"));
    assertEquals("Updated", badge.getText());
    assertFalse(tip.isDisplayed());

    new Actions(browser.driver()).moveToElement(badge).perform();
    browser.await(d -> tip.isDisplayed(), PATIENCE);
    assertTrue(tip.getText().contains("Quake of magnitude 5.1 strikes off the coast"), tip.getText());
    new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.tagName("h1"))).perform();
    browser.await(d -> !tip.isDisplayed(), PATIENCE);

    // Keyboard: Tab reaches the badge, focus shows the tooltip, Escape hides it again.
    browser.script("arguments[0].focus()", lines.get(0).findElement(By.cssSelector("a.nt-headline")));
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    assertEquals(badge, browser.driver().switchTo().activeElement());
    browser.await(d -> tip.isDisplayed(), PATIENCE);
    assertEquals(tip.getAttribute("id"), badge.getAttribute("aria-describedby"));
    new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
    browser.await(d -> !tip.isDisplayed(), PATIENCE);
  }

  @Test
  void theSameNewsFromASecondSourceIsOneLineWithBothSources() {
    openLive("/");
    String id = site.publish(new JsonObject().put("source", "harbour-wire")
      .put("headline", "Gunmen free 12 hostages seized in Mopti raid"));
    browser.await(d -> listHeadlines().contains("Gunmen free 12 hostages seized in Mopti raid"), PATIENCE);

    assertEquals(id, site.publish(new JsonObject().put("source", "ledger-wire")
      .put("headline", "Twelve hostages taken in Mopti raid released by gunmen")));
    browser.await(d -> listHeadlines().contains("Twelve hostages taken in Mopti raid released by gunmen"), PATIENCE);

    List<WebElement> lines = browser.driver().findElements(item(id));
    assertEquals(1, lines.size());
    assertEquals("harbour-wire, ledger-wire", lines.get(0).findElement(By.cssSelector(".nt-sources")).getText());
    assertFalse(listHeadlines().contains("Gunmen free 12 hostages seized in Mopti raid"));
  }

  @Test
  void aRetractedStoryLeavesThePage() {
    openLive("/");
    String id = site.publish(TickerSite.headline("gone", "Erroneous report withdrawn"));
    browser.await(d -> listHeadlines().contains("Erroneous report withdrawn"), PATIENCE);

    site.retract(id);
    browser.await(d -> !listHeadlines().contains("Erroneous report withdrawn"), PATIENCE);
    assertTrue(browser.driver().findElements(item(id)).isEmpty());
  }

  @Test
  void aMergeDropsTheAbsorbedLineAndRefillsTheSurvivorInPlace() {
    openLive("/");
    String survivor = site.publish(TickerSite.headline("m1", "Harbour crane collapses onto cargo ship"));
    String absorbed = site.publish(new JsonObject().put("id", "m2").put("source", "second-wire")
      .put("headline", "Dock workers hurt as port machinery falls"));
    browser.await(d -> listHeadlines().contains("Dock workers hurt as port machinery falls"), PATIENCE);

    site.correct(HttpMethod.POST, "/api/v1/stories/" + absorbed + "/merge", new JsonObject().put("into", survivor));

    browser.await(d -> browser.driver().findElements(item(absorbed)).isEmpty(), PATIENCE);
    browser.await(d -> browser.driver().findElement(item(survivor)).findElement(By.cssSelector(".nt-sources")).getText()
      .equals("test, second-wire"), PATIENCE);
    assertFalse(listHeadlines().contains("Dock workers hurt as port machinery falls"));
    assertEquals(1, browser.driver().findElements(item(survivor)).size());
  }

  @Test
  void aBreakingFlagThatEndsLeavesTheLine() {
    openLive("/");
    String id = site.publish(TickerSite.headline("b1", "Evacuation ordered near the dam").put("breaking", true));
    browser.await(d -> !browser.driver().findElement(item(id)).findElements(By.cssSelector(".nt-flag")).isEmpty(), PATIENCE);

    site.correct(HttpMethod.DELETE, "/api/v1/stories/" + id + "/breaking", null);

    browser.await(d -> browser.driver().findElement(item(id)).findElements(By.cssSelector(".nt-flag")).isEmpty(), PATIENCE);
    assertTrue(listHeadlines().contains("Evacuation ordered near the dam"));
  }

  @Test
  void aBreakingOnlyPageLetsAStoryGoWhenItsFlagEnds() {
    openLive("/?breaking=true");
    String id = site.publish(TickerSite.headline("b2", "Levee gives way upstream").put("breaking", true));
    browser.await(d -> listHeadlines().contains("Levee gives way upstream"), PATIENCE);

    site.correct(HttpMethod.DELETE, "/api/v1/stories/" + id + "/breaking", null);

    browser.await(d -> browser.driver().findElements(item(id)).isEmpty(), PATIENCE);
  }

  @Test
  void aCategoryPageLetsAStoryGoWhenItsCategoryIsEditedAwayOrItIsMergedOutOfIt() {
    openLive("/?category=sport");
    String edited = site.publish(TickerSite.headline("c1", "Cup final goes to penalties").put("category", "sport"));
    String absorbed = site.publish(TickerSite.headline("c2", "Club sacks coach after stadium deal").put("category", "sport"));
    String survivor = site.publish(TickerSite.headline("c3", "Minister quits over rail contract").put("category", "politics"));
    browser.await(d -> listHeadlines().containsAll(List.of("Cup final goes to penalties",
      "Club sacks coach after stadium deal")), PATIENCE);

    site.correct(HttpMethod.PATCH, "/api/v1/stories/" + edited, new JsonObject().put("category", "politics"));
    browser.await(d -> browser.driver().findElements(item(edited)).isEmpty(), PATIENCE);
    site.correct(HttpMethod.POST, "/api/v1/stories/" + absorbed + "/merge", new JsonObject().put("into", survivor));
    browser.await(d -> browser.driver().findElements(item(absorbed)).isEmpty(), PATIENCE);

    assertFalse(listHeadlines().contains("Minister quits over rail contract"), "the politics survivor stays off the sport page");
    assertTrue(browser.driver().findElements(item(survivor)).isEmpty());
  }

  @Test
  void aHostileHeadlineIsShownAsTextAndRunsNothing() {
    openLive("/");
    String hostile = "<img src=x onerror=alert(1)>";
    String id = site.publish(new JsonObject().put("id", "hostile").put("headline", hostile)
      .put("byline", "<img src=y onerror=\"window.pwned=true\">").put("category", "<b>tech</b>").put("source", "test"));

    browser.await(d -> listHeadlines().contains(hostile), PATIENCE);
    assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
    assertEquals(0L, browser.script("return document.querySelectorAll('body img, body b').length"));
    assertEquals(null, browser.script("return window.pwned"));
    WebElement line = browser.driver().findElement(item(id));
    assertTrue(line.getText().contains("<img src=y onerror=\"window.pwned=true\">"), line.getText());
  }

  @Test
  void screenReadersHearBreakingItemsOnlyAndPolitely() {
    openLive("/");
    site.publish(TickerSite.headline("calm", "Library extends its opening hours"));
    String alarm = site.publish(TickerSite.headline("alarm", "Dam breach forces evacuation downstream").put("breaking", true));
    browser.await(d -> listHeadlines().contains("Dam breach forces evacuation downstream"), PATIENCE);

    assertEquals(List.of("polite"), browser.script(
      "return Array.from(document.querySelectorAll('[aria-live]')).map(e => e.getAttribute('aria-live'))"));
    assertEquals("Breaking: Dam breach forces evacuation downstream",
      browser.script("return document.querySelector('[aria-live]').textContent"));
    WebElement line = browser.driver().findElement(item(alarm));
    assertTrue(line.getAttribute("class").contains("nt-breaking"));
    assertEquals("BREAKING", line.findElement(By.cssSelector(".nt-flag")).getText());
  }

  @Test
  void thePauseButtonStopsTheCrawlAndHoldsUpdates() {
    openLive("/");
    new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.tagName("h1"))).perform();
    WebElement pause = browser.driver().findElement(By.cssSelector(".nt-pause"));
    assertTrue(pause.isDisplayed());
    assertEquals("running", trackPlayState());

    pause.click();
    assertEquals("true", pause.getAttribute("aria-pressed"));
    assertEquals("Play", pause.getText());
    assertEquals("paused", trackPlayState());
    site.publish(TickerSite.headline("held", "Council approves the new tram line"));
    browser.await(d -> d.findElement(By.cssSelector(".nt-held")).getText().contains("waiting"), PATIENCE);
    assertFalse(listHeadlines().contains("Council approves the new tram line"));

    pause.click();
    assertEquals("false", pause.getAttribute("aria-pressed"));
    browser.await(d -> listHeadlines().contains("Council approves the new tram line"), PATIENCE);
  }

  @Test
  void hoverAndKeyboardFocusPauseTheCrawl() {
    openLive("/");
    site.publish(TickerSite.headline("crawl", "Crawl item with a link").put("url", "https://example.com/crawl"));
    browser.await(d -> !d.findElements(By.cssSelector(".nt-crawl a")).isEmpty(), PATIENCE);
    assertEquals("nt-crawl", browser.script("return getComputedStyle(document.querySelector('.nt-track')).animationName"));
    // The crawl repeats the list for the eye only: nobody hears it or tabs through it twice.
    assertEquals("true", browser.driver().findElement(By.cssSelector(".nt-crawl")).getAttribute("aria-hidden"));
    assertEquals(0L, browser.script(
      "return Array.from(document.querySelectorAll('.nt-crawl a')).filter(a => a.tabIndex >= 0).length"));

    new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.cssSelector(".nt-crawl"))).perform();
    browser.await(d -> "paused".equals(trackPlayState()), PATIENCE);
    new Actions(browser.driver()).moveToElement(browser.driver().findElement(By.tagName("h1"))).perform();
    browser.await(d -> "running".equals(trackPlayState()), PATIENCE);

    browser.script("document.querySelector('nav li:last-child button').focus()");
    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    assertEquals(browser.driver().findElement(By.cssSelector(".nt-pause")), browser.driver().switchTo().activeElement());
    browser.await(d -> "paused".equals(trackPlayState()), PATIENCE);
  }

  @Test
  void reducedMotionGivesAStaticList() {
    browser.emulateMedia(Map.of("prefers-reduced-motion", "reduce"));
    openLive("/");
    String still = site.publish(TickerSite.headline("still", "Museum reopens after renovation"));
    browser.await(d -> listHeadlines().contains("Museum reopens after renovation"), PATIENCE);

    assertFalse(browser.driver().findElement(By.cssSelector(".nt-crawl")).isDisplayed());
    WebElement line = browser.driver().findElement(item(still));
    assertTrue(line.isDisplayed());
    assertEquals(true, browser.script("return matchMedia('(prefers-reduced-motion: reduce)').matches"));
  }

  @Test
  void categoryFiltersShowOnlyThatCategory() {
    openLive("/");
    browser.driver().findElement(By.xpath("//nav//button[normalize-space()='sport']")).click();
    browser.await(d -> "live".equals(status()) && d.getCurrentUrl().endsWith("?category=sport"), PATIENCE);

    site.publish(List.of(
      TickerSite.headline("f-world", "Summit ends without agreement").put("category", "world"),
      TickerSite.headline("f-sport", "Record crowd for the derby").put("category", "sport")));
    browser.await(d -> listHeadlines().contains("Record crowd for the derby"), PATIENCE);
    assertFalse(listHeadlines().contains("Summit ends without agreement"));
    assertEquals("true", browser.driver().findElement(By.xpath("//nav//button[normalize-space()='sport']"))
      .getAttribute("aria-pressed"));
  }

  @Test
  void relativeTimesStayFresh() {
    openLive("/");
    String clock = site.publish(TickerSite.headline("clock", "Clock tower restored"));
    browser.await(d -> listHeadlines().contains("Clock tower restored"), PATIENCE);
    WebElement time = browser.driver().findElement(item(clock)).findElement(By.tagName("time"));
    assertEquals("just now", time.getText());

    // Pretend the page has been open for three minutes: the clock rewrites the times in place.
    browser.script("const t = arguments[0]; t.dateTime = new Date(Date.now() - 180000).toISOString();", time);
    browser.await(d -> "3 min ago".equals(time.getText()), Duration.ofSeconds(30));
  }

  @Test
  void isUsableAt320PixelsWide() {
    browser.windowSize(320, 700);
    try {
      openLive("/");
      site.publish(TickerSite.headline("narrow", "A rather long headline that has to wrap on a narrow phone screen"));
      browser.await(d -> listHeadlines().contains("A rather long headline that has to wrap on a narrow phone screen"), PATIENCE);
      assertEquals(320L, browser.script("return window.innerWidth"));
      assertTrue((Long) browser.script("return document.documentElement.scrollWidth") <= 320L);
      assertTrue(browser.driver().findElement(By.cssSelector(".nt-pause")).isDisplayed());
    } finally {
      browser.windowSize(1000, 800);
    }
  }

  private static By item(String storyId) {
    return By.cssSelector(".nt-list li[data-id='" + storyId + "']");
  }

  private void openLive(String path) {
    browser.driver().get(site.origin() + path);
    browser.await(d -> "live".equals(status()), PATIENCE);
  }

  private String status() {
    return (String) browser.script("const s = document.querySelector('.nt-status'); return s && s.dataset.state");
  }

  private String trackPlayState() {
    return (String) browser.script("return getComputedStyle(document.querySelector('.nt-track')).animationPlayState");
  }

  @SuppressWarnings("unchecked")
  private List<String> seen() {
    return (List<String>) browser.script("return window.seen || []");
  }

  @SuppressWarnings("unchecked")
  private List<String> listHeadlines() {
    return (List<String>) browser.script(
      "return Array.from(document.querySelectorAll('.nt-list .nt-headline')).map(e => e.textContent)");
  }
}
