package dev.newsticker.support;

/**
 * Headlines for tests that publish many different stories. The desk rightly treats headlines
 * that differ only in a number as one story revised, so each gets a name of its own.
 */
public final class TestHeadlines {
  private static final String[] TOPICS = {
    "wins the harbour regatta", "opens a bridge over the river", "signs a fishing deal", "closes the old mine",
    "reports a record harvest", "names a new coach"};

  private TestHeadlines() {
  }

  /** A different story for every {@code i}: a town of its own does something. */
  public static String distinct(int i) {
    return "Town of " + name(i) + " " + TOPICS[i % TOPICS.length];
  }

  /** A capitalised made-up name: Baab, Baac, ... one for every whole number. */
  private static String name(int i) {
    StringBuilder name = new StringBuilder("B");
    int n = i;
    do {
      name.append((char) ('a' + n % 26));
      n /= 26;
    } while (n > 0);
    return name.append("ville").toString();
  }
}
