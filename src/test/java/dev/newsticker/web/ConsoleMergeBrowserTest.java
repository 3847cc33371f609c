package dev.newsticker.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Merge by the picker and split back out, with the mouse and with the keyboard only, seen on the ticker page. */
class ConsoleMergeBrowserTest extends ConsoleTestBase {

  @Test
  void mergeByThePickerDropsTheLineOnTheTickerPageAndSplitBringsItBack() {
    String strike = site.publish(TickerSite.headline("m-1", "Airport strike grounds all flights at the capital"));
    String walkout = site.publish(TickerSite.headline("m-2", "Pilots union calls walkout over pay"));
    signIn(TOKEN);
    console.awaitAccess("Signed in");

    console.mergeByPicker(strike, "Pilots union calls walkout over pay");
    console.awaitNotice("Merged");
    console.awaitTicker("the absorbed line dropped", list -> !list.contains("Airport strike grounds all flights at the capital")
      && list.contains("Pilots union calls walkout over pay"));
    browser.await(d -> !console.hasRow(strike), ConsolePage.PATIENCE);

    console.open(walkout);
    WebElement split = browser.await(d -> revisionRow(walkout, "Airport strike grounds all flights at the capital"),
      ConsolePage.PATIENCE).findElement(By.cssSelector("button"));
    split.click();
    console.awaitNotice("split out");
    console.awaitTicker("both lines again", list -> list.contains("Airport strike grounds all flights at the capital")
      && list.contains("Pilots union calls walkout over pay"));
    browser.await(d -> d.findElements(By.cssSelector("li.story")).stream()
      .anyMatch(li -> li.getText().contains("Airport strike grounds all flights at the capital")), ConsolePage.PATIENCE);
  }

  @Test
  void undoingAMergeBringsTheAbsorbedStoryBackUnderItsOwnId() {
    String museum = site.publish(TickerSite.headline("u-1", "Museum reopens after a decade of repairs")
      .put("source", "arts-desk"));
    site.publish(TickerSite.headline("u-2", "Parliament passes the spring budget"));
    signIn(TOKEN);
    console.awaitAccess("Signed in");
    console.mergeByPicker(museum, "Parliament passes the spring budget");
    console.awaitNotice("Merged");
    console.awaitTicker("the absorbed line dropped", list -> !list.contains("Museum reopens after a decade of repairs"));

    browser.driver().findElement(By.id("undo")).click();
    console.awaitNotice("Undone");
    console.awaitTicker("the line back", list -> list.contains("Museum reopens after a decade of repairs")
      && list.contains("Parliament passes the spring budget"));
    JsonObject back = site.editorCall(HttpMethod.GET, "/api/v1/stories/" + museum, null).bodyAsJsonObject();
    assertEquals(museum, (back.containsKey("story") ? back.getJsonObject("story") : back).getString("id"),
      "the story is back under its own id, not a redirect to the survivor");

    // the same source as the survivor: the undo still brings exactly the absorbed story back
    String library = site.publish(TickerSite.headline("u-3", "Library extends its opening hours"));
    console.mergeByPicker(library, "Parliament passes the spring budget");
    console.awaitNotice("Merged");
    console.awaitTicker("the absorbed line dropped", list -> !list.contains("Library extends its opening hours"));
    console.chord(Keys.ALT, "z");
    console.awaitNotice("Undone");
    console.awaitTicker("the line back", list -> list.contains("Library extends its opening hours")
      && list.contains("Parliament passes the spring budget"));
  }

  @Test
  void theDesksDoubtsShowBothHeadlinesAndAreAnsweredInOneClick() {
    String coast = site.publish(TickerSite.headline("d-1", "Earthquake shakes the northern coast").put("source", "wire"));
    String schools = site.publish(TickerSite.headline("d-2", "Northern coast earthquake: schools stay shut")
      .put("source", "agency"));
    String islands = site.publish(TickerSite.headline("d-3", "Earthquake shakes the southern islands").put("source", "wire"));
    String islandSchools = site.publish(TickerSite.headline("d-4", "Southern islands earthquake: schools stay shut")
      .put("source", "agency"));
    assertNotEquals(coast, schools);
    assertNotEquals(islands, islandSchools);
    signIn(TOKEN);
    console.awaitAccess("Signed in");

    assertEquals(2, console.answerDoubt("Northern coast earthquake: schools stay shut", "Earthquake shakes the northern coast",
      "Keep apart"), "side by side");
    console.awaitNotice("Kept apart");
    browser.await(d -> d.findElements(By.cssSelector("#doubts li.doubt")).stream()
      .noneMatch(li -> li.getText().contains("Northern coast earthquake: schools stay shut")), ConsolePage.PATIENCE);

    console.answerDoubt("Southern islands earthquake: schools stay shut", "Earthquake shakes the southern islands", "Merge");
    console.awaitNotice("Merged");
    console.awaitTicker("the near-miss merged", list -> !list.contains("Southern islands earthquake: schools stay shut")
      && list.contains("Earthquake shakes the southern islands") && list.contains("Northern coast earthquake: schools stay shut"));
  }

  @Test
  void mergeAndSplitWithTheKeyboardOnly() {
    String fire = site.publish(TickerSite.headline("k-1", "Forest fire forces evacuation of two villages"));
    String rail = site.publish(TickerSite.headline("k-2", "New tram line opens ahead of schedule"));
    console.tabTo("#token");
    console.keys(TOKEN, Keys.ENTER);
    console.awaitAccess("Signed in as " + EDITOR + ".");

    console.tabTo("li.story[data-id='" + fire + "'] button.open");
    console.keys(Keys.ENTER);
    console.awaitHistory(fire);
    console.tabTo("li.story[data-id='" + fire + "'] .merge select");
    console.keys("New tram line");
    console.tabTo("[data-key='merge:" + fire + "']");
    console.keys(Keys.ENTER);
    console.awaitNotice("Merged");
    console.awaitTicker("the absorbed line dropped", list -> !list.contains("Forest fire forces evacuation of two villages"));

    console.tabTo("li.story[data-id='" + rail + "'] button.open");
    console.keys(Keys.ENTER);
    console.awaitHistory(rail);
    String splitButton = (String) browser.await(d -> {
      WebElement revision = revisionRow(rail, "Forest fire forces evacuation of two villages");
      return revision == null ? null : revision.findElement(By.cssSelector("button")).getAttribute("data-key");
    }, ConsolePage.PATIENCE);
    console.tabTo("[data-key='" + splitButton + "']");
    console.keys(Keys.ENTER);
    console.awaitNotice("split out");
    console.awaitTicker("both lines again", list -> list.contains("Forest fire forces evacuation of two villages")
      && list.contains("New tram line opens ahead of schedule"));
  }

  /** The row of the open story's history whose text starts with {@code headline}; null until it shows. */
  private static WebElement revisionRow(String storyId, String headline) {
    List<WebElement> rows = console.row(storyId).findElements(By.cssSelector(".history tbody tr"));
    return rows.stream().filter(tr -> tr.findElement(By.cssSelector("td.text")).getText().startsWith(headline))
      .findFirst().orElse(null);
  }
}
