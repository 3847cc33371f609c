package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import dev.newsticker.model.PublishResult;
import dev.newsticker.model.EventType;
import dev.newsticker.ingest.WireTextParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Runs the real desk over labelled headlines and scores its decisions ({@link DeskScore}):
 * pairs of real headlines (the second from another source right after the first), the
 * project's own labelled stream (desk/eval.tsv) and wire text whose true updates are known.
 * {@code scripts/eval-desk.sh} runs {@link #main} over all three.
 */
final class DeskEvaluation {
  static final Instant START = Instant.parse("2026-03-02T05:00:00Z");
  /** Annotators' scores: at least this, the same news; at most {@link #DIFFERENT_NEWS}, different news. */
  private static final double SAME_NEWS = 4;
  private static final double DIFFERENT_NEWS = 2;

  /**
   * The wire sample's five true updates, by item position (the update, then the item whose story
   * it updates); the bundled sample and the real one it was made from line up item for item.
   */
  static final Map<Integer, Integer> SAMPLE_UPDATES = Map.of(21, 2, 33, 5, 40, 31, 42, 27, 45, 7);

  private final MatcherSettings settings;
  private final SemanticSettings semantic;

  DeskEvaluation(MatcherSettings settings, SemanticSettings semantic) {
    this.settings = settings;
    this.semantic = semantic;
  }

  /** A scored pair of headlines. */
  record Pair(double score, String first, String second) {
    /** The part of the split it belongs to: a stable hash of its text, so the split never moves. */
    boolean heldOut() {
      CRC32 crc = new CRC32();
      crc.update((first + "\t" + second).getBytes(StandardCharsets.UTF_8));
      return (crc.getValue() & 1) == 1;
    }
  }

  /** A headline of the labelled stream: its true story, and how it relates to it. */
  record Row(Instant at, String source, String label, String kind, String headline) {
  }

  /**
   * Feeds each pair to a desk of its own: the first headline, then the second from another
   * source a minute later. Pairs on one desk would meet each other's stories (the sets repeat
   * topics from different years), which says nothing about the pair.
   */
  DeskScore pairs(String name, List<Pair> pairs) {
    DeskScore score = new DeskScore(name);
    for (Pair pair : pairs) {
      DeskRun desk = new DeskRun(settings, semantic, START);
      String firstStory = desk.publish("wire-a", pair.first(), START).storyId();
      boolean merged = desk.publish("wire-b", pair.second(), START.plus(Duration.ofMinutes(1))).storyId().equals(firstStory);
      String explanation = String.format("[%.1f] %s%n        first:     %s", pair.score(), pair.second(), pair.first());
      if (pair.score() >= SAME_NEWS) {
        score.sameNews(merged, explanation);
      } else if (pair.score() <= DIFFERENT_NEWS) {
        score.differentNews(merged, explanation);
      }
    }
    return score;
  }

  /** Feeds the labelled stream in order; an item whose label was seen before should join that label's story. */
  DeskScore stream(String name, List<Row> rows) {
    DeskScore score = new DeskScore(name);
    DeskRun desk = new DeskRun(settings, semantic, rows.get(0).at());
    Map<String, String> labelOfStory = new HashMap<>();
    Map<String, String> firstHeadline = new HashMap<>();
    for (Row row : rows) {
      PublishResult result = desk.publish(row.source(), row.headline(), row.at());
      boolean isNew = EventType.NEW.equals(result.type());
      String storyLabel = isNew ? row.label() : labelOfStory.get(result.storyId());
      labelOfStory.putIfAbsent(result.storyId(), row.label());
      String explanation = "[" + row.kind() + "] " + row.headline();
      if (firstHeadline.containsKey(row.label())) {
        boolean right = row.label().equals(storyLabel);
        score.sameNews(right, explanation + "\n        its story: " + firstHeadline.get(row.label()));
        if (!isNew && !right) {
          score.strayMerge(explanation + "\n        into:      " + firstHeadline.get(storyLabel));
        }
      } else {
        score.differentNews(!isNew, explanation + "\n        into:      " + firstHeadline.get(storyLabel));
        firstHeadline.put(row.label(), row.headline());
      }
    }
    return score;
  }

  /**
   * Feeds wire text as it comes, every item from one source: each item is its own story except
   * the known updates (item position to the position of the item whose story it updates).
   */
  DeskScore wire(String name, String text, Map<Integer, Integer> updates) {
    DeskScore score = new DeskScore(name);
    DeskRun desk = new DeskRun(settings, semantic, START);
    List<FeedItem> items = WireTextParser.parse(text, "wire");
    List<String> storyOf = new ArrayList<>();
    Map<String, String> headlineOfStory = new HashMap<>();
    Instant at = START;
    for (int i = 0; i < items.size(); i++) {
      FeedItem item = items.get(i);
      PublishResult result = desk.publish(item, at);
      at = at.plus(Duration.ofSeconds(30));
      Integer updated = updates.get(i);
      if (updated != null) {
        score.sameNews(result.storyId().equals(storyOf.get(updated)),
          item.headline() + "\n        its story: " + items.get(updated).headline());
      } else {
        score.differentNews(!EventType.NEW.equals(result.type()),
          item.headline() + "\n        into:      " + headlineOfStory.get(result.storyId()));
      }
      storyOf.add(result.storyId());
      headlineOfStory.putIfAbsent(result.storyId(), item.headline());
    }
    return score;
  }

  static List<Pair> readPairs(Path file) throws IOException {
    List<Pair> pairs = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length < 3 || f[0].isBlank()) {
        continue;
      }
      pairs.add(new Pair(Double.parseDouble(f[0]), f[1].strip(), f[2].strip()));
    }
    return pairs;
  }

  static List<Row> ownSet() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : resource("/desk/eval.tsv").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      rows.add(new Row(Instant.parse(f[0]), f[1], f[2], f[3], f[4]));
    }
    return rows;
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DeskEvaluation.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Scores every set and prints each one's figures and wrong decisions. Arguments: the folder
   * of real pairs (skipped with a message when missing), the real wire sample (the same), and
   * the part whose errors to list: tune (the held-out part is not even run), held-out or all.
   */
  /** The default semantic settings; system properties override them while tuning (-Dsemantic=false, -DcosinePercent=80). */
  static SemanticSettings semanticSettings() {
    SemanticSettings d = SemanticSettings.DEFAULTS;
    return new SemanticSettings(Boolean.parseBoolean(System.getProperty("semantic", String.valueOf(d.enabled()))),
      Integer.getInteger("cosinePercent", d.cosinePercent()),
      Integer.getInteger("titleCaseCosinePercent", d.titleCaseCosinePercent()), Integer.getInteger("candidates", d.candidates()),
      Integer.getInteger("sharedPercent", d.sharedPercent()), Integer.getInteger("windowHours", d.windowHours()));
  }

  public static void main(String[] args) throws IOException {
    Path pairsDir = Path.of(args[0]);
    Path sample = Path.of(args[1]);
    String listErrorsOf = args.length > 2 ? args[2] : "all";
    DeskEvaluation evaluation = new DeskEvaluation(MatcherSettings.DEFAULTS, semanticSettings());
    List<DeskScore> scores = new ArrayList<>();
    if (Files.isDirectory(pairsDir)) {
      List<Pair> all = new ArrayList<>();
      try (var files = Files.list(pairsDir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
          all.addAll(readPairs(file));
        }
      }
      scores.add(evaluation.pairs("real pairs, tune", all.stream().filter(p -> !p.heldOut()).toList()));
      if (!"tune".equals(listErrorsOf)) {
        scores.add(evaluation.pairs("real pairs, held-out", all.stream().filter(Pair::heldOut).toList()));
      }
    } else {
      System.out.println("Real pairs skipped: no folder " + pairsDir);
    }
    scores.add(evaluation.stream("own set", ownSet()));
    scores.add(evaluation.wire("wire sample (repo)", resource("/wire/sample.txt"), SAMPLE_UPDATES));
    if (Files.isRegularFile(sample)) {
      scores.add(evaluation.wire("wire sample (real)", Files.readString(sample), SAMPLE_UPDATES));
    } else {
      System.out.println("Real wire sample skipped: no file " + sample);
    }
    for (DeskScore score : scores) {
      boolean list = "all".equals(listErrorsOf) || !score.name.contains("real pairs")
        || score.name.endsWith(listErrorsOf);
      System.out.println();
      System.out.println(score.summary());
      if (list) {
        score.wrong.forEach(System.out::println);
      } else if (!score.wrong.isEmpty()) {
        System.out.println("  (" + score.wrong.size() + " wrong decisions not listed: this part is kept for measuring)");
      }
    }
    System.out.println();
    scores.forEach(score -> System.out.println(score.summary()));
  }
}
