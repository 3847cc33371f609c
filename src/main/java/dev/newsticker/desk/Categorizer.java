package dev.newsticker.desk;

import dev.newsticker.model.FeedItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fills in an item's category and breaking flag from rules in conf/categories.json when the
 * source did not give them.
 * <p>
 * Category: the source's own category wins; it is mapped onto a rule category when it names one
 * or matches its keywords ("Sports", "Tennis" → sport), else kept in lower case. Without one,
 * the category whose keywords (stemmed, phrases allowed) occur most in the headline (counted
 * twice), tags (twice) and summary wins; ties go to the category listed first (the file lists the
 * specific ones before politics and world); no hit, no category.
 * <p>
 * Breaking: a label such as "BREAKING:" or "URGENT -" at the start of the headline is always cut
 * off, so that the labelled and the later unlabelled headline are one story; it sets the flag
 * unless the source gave the flag itself. A label needs punctuation after it, or capitals, so
 * that "Flash floods kill 12" is not breaking news.
 */
public final class Categorizer {
  private static final String RESOURCE = "conf/categories.json";

  private final Map<String, List<List<String>>> keywords;
  private final List<Pattern> labels;

  private Categorizer(Map<String, List<List<String>>> keywords, List<Pattern> labels) {
    this.keywords = keywords;
    this.labels = labels;
  }

  /** The rules bundled on the classpath. Reads a resource: call it off the event loop. */
  public static Categorizer fromClasspath() {
    try (InputStream in = Categorizer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE, e);
    }
  }

  public static Categorizer fromJson(JsonObject rules) {
    Map<String, List<List<String>>> keywords = new LinkedHashMap<>();
    JsonObject categories = rules.getJsonObject("categories", new JsonObject());
    for (String category : categories.fieldNames()) {
      List<List<String>> phrases = new ArrayList<>();
      for (Object keyword : categories.getJsonArray(category, new JsonArray())) {
        List<String> phrase = stems(String.valueOf(keyword));
        if (!phrase.isEmpty() && !phrases.contains(phrase)) {
          phrases.add(phrase);
        }
      }
      keywords.put(category, phrases);
    }
    List<Pattern> labels = new ArrayList<>();
    JsonObject breaking = rules.getJsonObject("breaking", new JsonObject());
    for (Object prefix : breaking.getJsonArray("prefixes", new JsonArray())) {
      String quoted = Pattern.quote(String.valueOf(prefix).trim());
      labels.add(Pattern.compile("^\\s*(?:(?i:" + quoted + ")\\s*[:|\\-\u2013\u2014]+|" + quoted + "\\s)\\s*"));
    }
    return new Categorizer(keywords, labels);
  }

  /** The item with its headline cleaned of a breaking label and its category and breaking flag filled in. */
  public FeedItem categorize(FeedItem item) {
    String headline = item.headline();
    boolean labelled = false;
    for (Pattern label : labels) {
      var matcher = label.matcher(headline);
      if (matcher.lookingAt() && matcher.end() < headline.length()) {
        headline = headline.substring(matcher.end());
        labelled = true;
        break;
      }
    }
    Boolean breaking = item.breaking() != null ? item.breaking() : labelled;
    return new FeedItem(item.id(), item.source(), headline, item.summary(), item.body(), item.url(), item.byline(),
      category(item, headline), item.tags(), breaking, item.publishedAt(), item.history());
  }

  private String category(FeedItem item, String headline) {
    String given = item.category();
    if (given != null && !given.isBlank()) {
      List<String> givenStems = stems(given);
      String named = keywords.keySet().stream()
        .filter(category -> stems(category).equals(givenStems))
        .findFirst()
        .orElse(null);
      String known = named != null ? named : best(Map.of(given, 1));
      return known != null ? known : given.trim().toLowerCase(Locale.ROOT);
    }
    Map<String, Integer> texts = new LinkedHashMap<>();
    texts.put(headline, 2);
    item.tags().forEach(tag -> texts.merge(tag, 2, Integer::sum));
    if (item.summary() != null) {
      texts.merge(item.summary(), 1, Integer::sum);
    }
    return best(texts);
  }

  /** The category with the most keyword hits over texts, each hit counted with the text's weight. */
  private String best(Map<String, Integer> texts) {
    String best = null;
    int bestHits = 0;
    List<List<String>> stemmed = new ArrayList<>();
    texts.keySet().forEach(text -> stemmed.add(stems(text)));
    List<Integer> weights = new ArrayList<>(texts.values());
    for (Map.Entry<String, List<List<String>>> category : keywords.entrySet()) {
      int hits = 0;
      for (int t = 0; t < stemmed.size(); t++) {
        for (List<String> phrase : category.getValue()) {
          hits += weights.get(t) * occurrences(stemmed.get(t), phrase);
        }
      }
      if (hits > bestHits) {
        best = category.getKey();
        bestHits = hits;
      }
    }
    return best;
  }

  private static int occurrences(List<String> words, List<String> phrase) {
    int count = 0;
    for (int i = 0; i + phrase.size() <= words.size(); i++) {
      if (words.subList(i, i + phrase.size()).equals(phrase)) {
        count++;
      }
    }
    return count;
  }

  private static List<String> stems(String text) {
    return HeadlineWords.split(text).stream().map(word -> HeadlineWords.stem(word.lower())).toList();
  }
}
