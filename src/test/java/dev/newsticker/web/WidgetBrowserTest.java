package dev.newsticker.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget and the iframe form on a page of another origin, as a customer's site embeds them. */
class WidgetBrowserTest extends BrowserTestBase {
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private static HostSite host;

  @BeforeAll
  static void startHost() throws Exception {
    host = HostSite.start(site.vertx(), site.origin());
  }

  @AfterAll
  static void stopHost() throws Exception {
    if (host != null) {
      host.close();
    }
  }

  @Test
  void theWidgetOnAnotherOriginShowsLiveHeadlinesOfItsCategory() {
    browser.driver().get(host.url("widget-host.html", "sport", "light"));
    WebElement widget = browser.await(d -> d.findElement(By.cssSelector(".newsticker-widget")), PATIENCE);
    browser.await(d -> !browser.inShadow(widget, ".nt-status[data-state='live']").isEmpty(), PATIENCE);

    List<String> ids = site.publish(List.of(
      TickerSite.headline("w-world", "Summit ends without agreement").put("category", "world"),
      TickerSite.headline("w-sport", "Record crowd for the derby").put("category", "sport")));

    browser.await(d -> headlines(widget).contains("Record crowd for the derby"), PATIENCE);
    assertFalse(headlines(widget).contains("Summit ends without agreement"));
    WebElement item = browser.inShadow(widget, "li[data-id='" + ids.get(1) + "']").get(0);
    assertTrue(item.isDisplayed(), "the host page's `li { display: none !important }` must not reach the widget");

    // the same news from a second source: still one line, now crediting both
    assertEquals(ids.get(1), site.publish(TickerSite.headline("w-sport-2", "Record crowd for the big derby")
      .put("category", "sport").put("source", "second-wire")));
    browser.await(d -> browser.inShadow(widget, "li[data-id='" + ids.get(1) + "'] .nt-sources").stream()
      .anyMatch(e -> e.getText().equals("test, second-wire")), PATIENCE);
    assertEquals(1, browser.inShadow(widget, "li[data-id='" + ids.get(1) + "']").size());
    assertTrue(browser.inShadow(widget, ".nt-pause").get(0).isDisplayed());

    // data-limit="5": more stories push the oldest out.
    site.publish(IntStream.rangeClosed(1, 6)
      .mapToObj(n -> TickerSite.headline("w-more-" + n, "Match report " + n).put("category", "sport")).toList());
    browser.await(d -> headlines(widget).equals(
      List.of("Match report 6", "Match report 5", "Match report 4", "Match report 3", "Match report 2")), PATIENCE);
  }

  @Test
  void theWidgetAndTheHostPageDoNotStyleEachOther() {
    browser.driver().get(host.url("widget-host.html", "sport", "dark"));
    WebElement widget = browser.await(d -> d.findElement(By.cssSelector(".newsticker-widget")), PATIENCE);
    browser.await(d -> !browser.inShadow(widget, ".nt-status[data-state='live']").isEmpty(), PATIENCE);

    // The host's `div { margin: 40px; border: 5px dotted; font-size: 40px }` stops at the shadow host.
    assertEquals("0px", browser.script("return getComputedStyle(arguments[0]).marginTop", widget));
    assertEquals("0px", browser.script("return getComputedStyle(arguments[0]).borderTopWidth", widget));
    assertEquals("16px", browser.script(
      "return getComputedStyle(arguments[0].shadowRoot.querySelector('.nt')).fontSize", widget));
    // And the widget's stylesheet lives in its shadow root only.
    assertEquals(1L, browser.script("return document.styleSheets.length"), "only the host's own <style>");
    assertTrue(((String) browser.script("return getComputedStyle(document.body).fontFamily")).contains("Georgia"));
    assertTrue((Boolean) browser.script(
      "return arguments[0].shadowRoot.querySelector('.nt').classList.contains('nt-theme-dark')", widget));
  }

  @Test
  void theIframeFormShowsLiveHeadlinesOfItsCategory() {
    browser.driver().get(host.url("iframe-host.html", "science", "light"));
    browser.driver().switchTo().frame(browser.driver().findElement(By.tagName("iframe")));
    try {
      browser.await(d -> !d.findElements(By.cssSelector(".nt-status[data-state='live']")).isEmpty(), PATIENCE);
      List<String> ids = site.publish(List.of(
        TickerSite.headline("i-world", "Ceasefire talks resume").put("category", "world"),
        TickerSite.headline("i-science", "Probe reaches the outer moon").put("category", "science")));
      browser.await(d -> d.findElements(By.cssSelector(".nt-list .nt-headline")).stream()
        .anyMatch(e -> e.getText().equals("Probe reaches the outer moon")), PATIENCE);
      assertTrue(browser.driver().findElements(By.cssSelector(".nt-list li[data-id='" + ids.get(0) + "']")).isEmpty());
      assertTrue(browser.driver().findElement(By.cssSelector(".nt")).getAttribute("class").contains("nt-theme-light"));
    } finally {
      browser.driver().switchTo().defaultContent();
    }
  }

  private List<String> headlines(WebElement widget) {
    return browser.inShadow(widget, ".nt-list .nt-headline").stream().map(WebElement::getText).toList();
  }
}
