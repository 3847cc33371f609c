package dev.newsticker.store;

import dev.newsticker.model.EventType;
import dev.newsticker.model.Revision;
import dev.newsticker.model.Story;
import dev.newsticker.model.StoryEvent;
import dev.newsticker.model.StoryFilter;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.newsticker.store.Await.await;
import static dev.newsticker.store.StoryFixtures.T0;
import static dev.newsticker.store.StoryFixtures.at;
import static dev.newsticker.store.StoryFixtures.created;
import static dev.newsticker.store.StoryFixtures.deskState;
import static dev.newsticker.store.StoryFixtures.quiet;
import static dev.newsticker.store.StoryFixtures.removed;
import static dev.newsticker.store.StoryFixtures.revise;
import static dev.newsticker.store.StoryFixtures.story;
import static dev.newsticker.store.StoryFixtures.updated;
import static dev.newsticker.store.StoryFixtures.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link StoryStore} must do, run against each implementation by a subclass that
 * gives every test an empty database and opens store instances on it.
 */
@ExtendWith(VertxExtension.class)
abstract class StoryStoreContractTest {

  protected Vertx vertx;
  protected StoryStore store;

  /** Gives the coming test an empty database of its own. */
  protected abstract void createDatabase(Vertx vertx) throws Exception;

  /** A new, unopened store on the test's database; called again to reopen it. */
  protected abstract StoryStore newStore(Vertx vertx);

  protected void dropDatabase(Vertx vertx) throws Exception {
  }

  @BeforeEach
  void openStore(Vertx vertx) throws Exception {
    this.vertx = vertx;
    createDatabase(vertx);
    store = newStore(vertx);
    await(store.open());
  }

  @AfterEach
  void closeStore() throws Exception {
    await(store.close());
    dropDatabase(vertx);
  }

  @Test
  void eventsReplayInSeqOrderAfterAnySeq() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story b = story("b", "Markets open higher", "business", false, 2, "rtr");
    Story a2 = revise(a, "Strong quake hits coast", 3);
    Story c = story("c", "Cup final tonight", "sport", true, 4, "btb");
    await(store.append(List.of(created(a, "url:a"))));
    await(store.append(List.of(created(b, "url:b"))));
    await(store.append(List.of(updated(a, a2), created(c, "url:c"))));

    List<StoryEvent> all = List.of(created(a).event(), created(b).event(), updated(a, a2).event(), created(c).event());
    assertEquals(all, await(store.eventsAfter(0, 100)));
    assertEquals(all.subList(2, 4), await(store.eventsAfter(2, 100)));
    assertEquals(all.subList(0, 2), await(store.eventsAfter(0, 2)));
    assertEquals(List.of(), await(store.eventsAfter(4, 100)));
    assertEquals(4, await(deskState(store)).topSeq());
  }

  @Test
  void duplicateSeqRejectsTheWholeBatch() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    await(store.append(List.of(created(a, "url:a"))));
    DeskState before = await(deskState(store));

    Story b = story("b", "Markets open higher", "business", false, 2, "rtr");
    Story clash = story("c", "Cup final tonight", "sport", false, 1, "btb");
    assertThrows(RuntimeException.class, () -> await(store.append(List.of(created(b, "url:b"), created(clash, "url:c")))));
    Story d = story("d", "Rain all week", "weather", false, 2, "btb");
    assertThrows(RuntimeException.class, () -> await(store.append(List.of(created(b, "url:b"), created(d, "url:d")))));

    assertEquals(before, await(deskState(store)));
    assertEquals(Optional.empty(), await(store.story("b")));
    assertEquals(List.of(created(a).event()), await(store.eventsAfter(0, 100)));
    await(store.append(List.of(created(b, "url:b"))));
    assertEquals(2, await(deskState(store)).topSeq());
  }

  @Test
  void storyComesWithItsRevisionsOldestFirst() {
    Story a1 = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story a2 = revise(a1, "Strong quake hits coast", 2);
    Story a3 = revise(a2, "Strong quake hits coast, 12 dead", 3);
    await(store.append(List.of(created(a1, "url:a"))));
    await(store.append(List.of(updated(a1, a2))));
    await(store.append(List.of(updated(a2, a3))));

    StoryDetail detail = await(store.story("a")).orElseThrow();
    assertEquals(a3, detail.story());
    assertEquals(List.of(created(a1).revision(), updated(a1, a2).revision(), updated(a2, a3).revision()),
      detail.revisions());
    assertEquals(Optional.empty(), await(store.story("nope")));
  }

  @Test
  void retractedStoryLeavesTheLiveSetButKeepsItsHistory() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story b = story("b", "Markets open higher", "business", false, 2, "rtr");
    await(store.append(List.of(created(a, "url:a", "title:quake"), created(b, "url:b"))));
    StoryChange retraction = removed(a, 3);
    await(store.append(List.of(retraction)));

    assertEquals(List.of(b), await(store.newest(10, StoryFilter.ALL, null)).stories());
    DeskState state = await(deskState(store));
    assertEquals(List.of(b), state.recent());
    assertEquals(Map.of("url:b", b), await(store.liveStoriesByKey(List.of("url:a", "title:quake", "url:b"))));
    assertEquals(3, state.topSeq());
    StoryDetail detail = await(store.story("a")).orElseThrow();
    assertTrue(detail.story().removed());
    assertEquals(retraction.story(), detail.story());
    assertEquals(List.of(created(a).revision()), detail.revisions());
    StoryEvent last = await(store.eventsAfter(2, 10)).get(0);
    assertEquals(EventType.REMOVED, last.type());
    assertEquals(retraction.event(), last);
  }

  @Test
  void deskStateHoldsLiveStoriesTheirKeysAndTheTopSeq() {
    assertEquals(new DeskState(0, List.of(), List.of(), List.of()), await(deskState(store)));
    Story old = story("old", "Archive story", "world", false, 0, "btb");
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb", "rtr", "ap");
    Story a2 = revise(a, "Strong quake hits coast", 2);
    await(store.append(List.of(quiet(old, "url:old"))));
    await(store.append(List.of(created(a, "url:a", "title:quake"))));
    // a key already leading to the story comes again with a new one
    await(store.append(List.of(updated(a, a2, "url:a", "title:strong-quake"))));

    DeskState state = await(deskState(store));
    assertEquals(2, state.topSeq());
    assertEquals(List.of(a2, old), state.recent());
    assertEquals(List.of("btb", "rtr", "ap"), state.recent().get(0).sources());
    assertEquals(Map.of("url:old", old, "url:a", a2, "title:quake", a2, "title:strong-quake", a2),
      await(store.liveStoriesByKey(List.of("url:old", "url:a", "title:quake", "title:strong-quake", "unknown"))));
  }

  /** Issue 21: the desk loads its window only, at most as many stories as it holds, and every flag with an end. */
  @Test
  void deskStateIsTheWindowTheLastChangedFirst() {
    Story old = story("old", "Archive story", "world", false, 1, "btb");
    Story flagged = story("flagged", "Strike on all week", "world", true, 2, "btb");
    flagged = flagged.withBreaking(true, at(2).plusSeconds(7 * 24 * 3600), at(2), 1, 2);
    Story a = story("a", "Quake hits coast", "world", false, 3, "btb");
    Story b = story("b", "Markets open higher", "business", false, 4, "rtr");
    Story c = story("c", "Cup final tonight", "sport", false, 5, "btb");
    await(store.append(List.of(created(old), created(flagged), created(a), created(b), created(c))));

    DeskState window = await(store.loadDeskState(at(3), 10));
    assertEquals(List.of(c, b, a), window.recent());
    assertEquals(List.of(flagged), window.breakingWithEnd());
    assertEquals(5, window.topSeq());
    assertEquals(List.of(c, b), await(store.loadDeskState(at(3), 2)).recent());
    assertEquals(List.of(c, b, a, flagged, old), await(deskState(store)).recent());
  }

  @Test
  void aMergeMovesRevisionsAndKeysAndLeavesARedirectThatFollowsLaterMerges() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story b = story("b", "Tremor felt inland", "world", false, 2, "rtr");
    Story c = story("c", "Coast counts the damage", "world", false, 3, "ap");
    await(store.append(List.of(created(a, "key:a"), created(b, "key:b"), created(c, "key:c"))));
    Story survivor = revise(a, "Quake hits coast", 4);
    Revision merge = new Revision(3, a.headline(), null, at(4), null, "desk", "merge");
    await(store.append(List.of(new StoryChange(b.withRemoved(at(4), 4), List.of(), null, null),
      new StoryChange(survivor, List.of(), merge, null, Regroup.merge("b", 1)))));
    Revision again = new Revision(5, a.headline(), null, at(5), null, "desk", "merge");
    await(store.append(List.of(new StoryChange(survivor.withRemoved(at(5), 5), List.of(), null, null),
      new StoryChange(c.withLastSeq(5), List.of(), again, null, Regroup.merge("a", 1)))));

    assertEquals("c", await(store.story("b")).orElseThrow().mergedInto(), "a chain leads to the last survivor");
    assertEquals(Optional.of(StoryDetail.redirect(survivor.withRemoved(at(5), 5), "c")), await(store.story("a")),
      "with the absorbed story as it was, for an undo");
    List<String> headlines = await(store.story("c")).orElseThrow().revisions().stream().map(Revision::headline).toList();
    assertEquals(List.of("Coast counts the damage", "Quake hits coast", "Tremor felt inland", "Quake hits coast",
      "Quake hits coast"), headlines);
    Map<String, Story> keys = await(store.liveStoriesByKey(List.of("key:a", "key:b", "key:c")));
    assertEquals(Map.of("key:a", "c", "key:b", "c", "key:c", "c"), keys.entrySet().stream()
      .collect(Collectors.toMap(Map.Entry::getKey, key -> key.getValue().id())));
  }

  @Test
  void aSplitMovesItsRevisionsAndSourcesAndThePairStaysApart() {
    Story a = story("a", "Storm closes harbour", "world", false, 1, "btb", "rtr");
    Revision second = new Revision(2, "Storm closes the harbour", "rtr", at(2), "wording", null, null, "item:rtr");
    await(store.append(List.of(created(a, "key:a"))));
    await(store.append(List.of(new StoryChange(revise(a, "Storm closes the harbour", 2), List.of(), second, null))));
    Story left = new Story("a", "Storm closes harbour", null, List.of(), null, "btb", List.of("btb"), null, "world",
      List.of(), false, T0, at(3), 3, 3, false, null);
    Story split = new Story("n", "Storm closes the harbour", null, List.of(), null, "rtr", List.of("rtr"), null, "world",
      List.of(), false, T0, at(4), 2, 4, false, null);
    await(store.append(List.of(new StoryChange(left, List.of(), null, null),
      new StoryChange(split, List.of("item:rtr"), null, null, Regroup.split("a", Map.of(2, 1), List.of("rtr"))))));

    StoryDetail moved = await(store.story("n")).orElseThrow();
    assertEquals(List.of(new Revision(1, "Storm closes the harbour", "rtr", at(2), "wording", null, null, "item:rtr")),
      moved.revisions());
    assertEquals(1, await(store.story("a")).orElseThrow().revisions().size());
    assertEquals(List.of(left.id()), await(store.newest(10, new StoryFilter(null, "btb", null), null)).stories().stream()
      .map(Story::id).toList());
    assertEquals(List.of(split.id()), await(store.newest(10, new StoryFilter(null, "rtr", null), null)).stories().stream()
      .map(Story::id).toList());
    await(store.append(List.of(new StoryChange(left, List.of(), null, null, Regroup.apart("n")))));
    await(store.close());
    store = newStore(vertx);
    await(store.open());
    DeskState state = await(deskState(store));
    assertEquals(List.of(StoryPair.of("a", "n")), state.apart(), "a pair told apart twice is one pair");
    assertEquals("n", await(store.liveStoriesByKey(List.of("item:rtr"))).get("item:rtr").id());
  }

  @Test
  void aKeyLeadsToTheStoryTheDeskLastGaveItTo() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story b = story("b", "Markets open higher", "business", false, 2, "rtr");
    Story c = story("c", "Cup final tonight", "sport", false, 3, "btb");
    Story d = story("d", "Rain all week", "weather", false, 4, "btb");
    await(store.append(List.of(created(a, "shared", "moved-in-batch"))));
    await(store.append(List.of(created(b, "shared"))));
    await(store.append(List.of(created(c, "moved-in-batch", "c-only"), created(d, "moved-in-batch"))));

    assertEquals(Map.of("shared", b, "moved-in-batch", d, "c-only", c),
      await(store.liveStoriesByKey(List.of("shared", "moved-in-batch", "c-only"))));
  }

  @Test
  void newestFiltersByCategorySourceBreakingAndBefore() {
    Story s1 = story("s1", "One", "world", false, 1, "btb");
    Story s2 = story("s2", "Two", "Sport", true, 2, "rtr");
    Story s3 = story("s3", "Three", "world", false, 3, "ap", "btb");
    Story s4 = story("s4", "Four", "sport", false, 4, "btb");
    Story s5 = story("s5", "Five", "world", true, 5, "rtr");
    Story s1b = revise(s1, "One, revised", 6);
    await(store.append(List.of(created(s1), created(s2), created(s3))));
    await(store.append(List.of(created(s4), created(s5))));
    await(store.append(List.of(updated(s1, s1b))));

    assertEquals(new Snapshot(6, List.of(s1b, s5, s4, s3, s2)), await(store.newest(10, StoryFilter.ALL, null)));
    assertEquals(List.of(s1b, s5), newest(2, null, null, null, null));
    assertEquals(List.of(s4, s2), newest(10, "SPORT", null, null, null));
    assertEquals(List.of(s1b, s4, s3), newest(10, null, "btb", null, null));
    assertEquals(List.of(s5, s2), newest(10, null, null, true, null));
    assertEquals(List.of(s1b, s4, s3), newest(10, null, null, false, null));
    assertEquals(List.of(s3, s2), newest(10, null, null, null, 4L));
    assertEquals(List.of(s3), newest(10, "World", "btb", false, 4L));
    assertEquals(List.of(), newest(10, "weather", null, null, null));
    assertEquals(6, await(store.newest(1, new StoryFilter("none", null, null), 2L)).seq());
  }

  /**
   * Passes over a store of 20,000 events and revisions: first none past their age, then all
   * (batches of DELETE ... FETCH FIRST n ROWS on H2). It does not reproduce the slow plan H2
   * chose for the earlier "key IN (SELECT ... LIMIT n)" batches on the benchmark's store.
   */
  @Test
  void retentionPassOverALargeStore() {
    int stories = 10_000;
    List<StoryChange> batch = new ArrayList<>();
    for (int i = 0; i < stories; i++) {
      Story first = story("s" + i, "Story number " + i + " breaks", "world", false, 2L * i + 1, "btb");
      batch.add(created(first, "url:s" + i));
      batch.add(updated(first, revise(first, "Story number " + i + " breaks again", 2L * i + 2)));
      if (batch.size() == 1_000) {
        await(store.append(batch));
        batch.clear();
      }
    }
    Retention.Settings settings = new Retention.Settings(30, 30, 60, 1_000, 1);
    Clock soon = Clock.fixed(StoryFixtures.at(2L * stories).plus(Duration.ofDays(1)), ZoneOffset.UTC);
    assertEquals(new Retention.Pruned(0, 0), await(deploy(new Retention((Prunable) store, settings, soon)).runOnce()));

    Clock later = Clock.fixed(StoryFixtures.at(2L * stories).plus(Duration.ofDays(60)), ZoneOffset.UTC);
    Retention retention = deploy(new Retention((Prunable) store, settings, later));
    assertEquals(new Retention.Pruned(2L * stories - 1, stories), await(retention.runOnce()));

    assertEquals(List.of(2L * stories), await(store.eventsAfter(0, 100)).stream().map(StoryEvent::seq).toList());
    assertEquals(List.of(2), revisionNumbers("s0"));
    assertEquals(List.of(2), revisionNumbers("s" + (stories - 1)));
  }

  /** The embedded store keeps documents up to 16 KB in their rows and larger ones apart: both read back whole. */
  @Test
  void storiesOfEverySizeReadBackWhole() {
    Story small = story("s", "Quake hits coast", "world", true, 1, "btb");
    String paragraph = "A long paragraph of the full story, with \"quotes\" and accents: é, ß, 東京. ";
    Story large = withBody(story("l", "Full text of the budget speech", "politics", false, 2, "rtr"),
      List.of(paragraph.repeat(3_000), "Last paragraph."));
    await(store.append(List.of(created(small, "url:s"), created(large, "url:l"))));

    assertEquals(large, await(store.story("l")).orElseThrow().story());
    assertEquals(small, await(store.story("s")).orElseThrow().story());
    List<StoryEvent> events = await(store.eventsAfter(0, 10));
    assertEquals(List.of(small, large), events.stream().map(StoryEvent::story).toList());
    assertTrue(await(deskState(store)).recent().contains(large));
  }

  /** Issue 21: values the API accepts that outgrow their length once lower-cased or normalised. */
  @Test
  void holdsWhatTheApiAcceptsOnceLowerCasedOrNormalised() {
    String korean = IntStream.range(0, 399).mapToObj(i -> String.valueOf((char) (0xAC00 + i * 17)))
      .collect(Collectors.joining());
    List<Story> stories = List.of(
      story("a", "Dotted capitals", "İ".repeat(60).toLowerCase(Locale.ROOT), false, 1, "𝒜".repeat(100)),
      story("b", "ﬃ".repeat(400), "world", false, 2, "btb"),
      story("c", korean, "𝒷".repeat(60), false, 3, "btb"));
    for (Story story : stories) {
      String key = IdentityKeys.of("h:" + Normalizer.normalize(story.headline(), Normalizer.Form.NFKD));
      await(store.append(List.of(created(story, key))));
      assertEquals(story, await(store.story(story.id())).orElseThrow().story());
      assertEquals(story, await(store.liveStoriesByKey(List.of(key))).get(key));
    }
    assertEquals(List.of(stories.get(0)), await(store.newest(10, new StoryFilter(stories.get(0).category(), null, null), null))
      .stories());
  }

  @Test
  void reopenedStoreKeepsEverything() {
    Story a = story("a", "Quake hits coast", "world", true, 1, "btb", "rtr");
    Story b = story("b", "Markets open higher", "business", false, 2, "rtr");
    Story a2 = revise(a, "Strong quake hits coast", 3);
    await(store.append(List.of(created(a, "url:a"), created(b, "url:b"))));
    await(store.append(List.of(updated(a, a2, "title:quake"))));
    await(store.append(List.of(removed(b, 4))));
    DeskState state = await(deskState(store));
    List<StoryEvent> events = await(store.eventsAfter(0, 100));
    Snapshot newest = await(store.newest(10, StoryFilter.ALL, null));
    StoryDetail detail = await(store.story("a")).orElseThrow();

    await(store.close());
    store = newStore(vertx);
    await(store.open());

    assertTrue(await(store.ready()));
    assertEquals(state, await(deskState(store)));
    assertEquals(events, await(store.eventsAfter(0, 100)));
    assertEquals(newest, await(store.newest(10, StoryFilter.ALL, null)));
    assertEquals(Optional.of(detail), await(store.story("a")));
    assertEquals(removed(b, 4).story(), await(store.story("b")).orElseThrow().story());
    Story c = story("c", "Cup final tonight", "sport", false, 5, "btb");
    await(store.append(List.of(created(c, "url:c"))));
    assertEquals(5, await(deskState(store)).topSeq());
  }

  @Test
  void retentionPrunesOldEventsAndPastRevisionsOnly() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story a2 = revise(a, "Strong quake hits coast", 2);
    Story b = story("b", "Markets open higher", "business", false, 3, "rtr");
    Story c = story("c", "Cup final tonight", "sport", false, 4, "btb");
    Story c2 = revise(c, "Cup final tonight, rain expected", 5);
    await(store.append(List.of(created(a), updated(a, a2), created(b), created(c), updated(c, c2))));
    // "now" puts seq 1..3 (and a's, b's revisions) beyond a 30-day window and seq 4..5 inside it
    Clock now = Clock.fixed(StoryFixtures.at(4).plus(Duration.ofDays(30)).minusSeconds(1), ZoneOffset.UTC);
    Retention retention = deploy(new Retention((Prunable) store, new Retention.Settings(30, 30, 60, 1, 1), now));

    assertEquals(new Retention.Pruned(3, 1), await(retention.runOnce()));

    assertEquals(List.of(4L, 5L), await(store.eventsAfter(0, 100)).stream().map(StoryEvent::seq).toList());
    assertEquals(List.of(2), revisionNumbers("a"));
    assertEquals(List.of(1), revisionNumbers("b"));
    assertEquals(List.of(1, 2), revisionNumbers("c"));
    assertEquals(List.of(c2, b, a2), await(store.newest(10, StoryFilter.ALL, null)).stories());
    assertEquals(5, await(deskState(store)).topSeq());
    assertEquals(new Retention.Pruned(0, 0), await(retention.runOnce()));
  }

  @Test
  void retentionKeepsTheNewestEventWhateverItsAge() {
    Story a = story("a", "Quake hits coast", "world", false, 1, "btb");
    Story b = story("b", "Markets open higher", "business", false, 2, "rtr");
    await(store.append(List.of(created(a), created(b))));
    Clock later = Clock.fixed(T0.plus(Duration.ofDays(400)), ZoneOffset.UTC);

    await(deploy(new Retention((Prunable) store, new Retention.Settings(30, 0, 60, 10, 1), later)).runOnce());

    assertEquals(List.of(created(b).event()), await(store.eventsAfter(0, 100)));
    assertEquals(2, await(deskState(store)).topSeq());
    assertFalse(await(store.story("a")).orElseThrow().revisions().isEmpty());
  }

  private Retention deploy(Retention retention) {
    await(vertx.deployVerticle(retention));
    return retention;
  }

  private List<Story> newest(int limit, String category, String source, Boolean breaking, Long before) {
    return await(store.newest(limit, new StoryFilter(category, source, breaking), before)).stories();
  }

  private List<Integer> revisionNumbers(String id) {
    return await(store.story(id)).orElseThrow().revisions().stream().map(Revision::revision).toList();
  }
}
