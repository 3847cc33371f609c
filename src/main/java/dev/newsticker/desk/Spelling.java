package dev.newsticker.desk;

/** Edit distance between words, to tell a spelling fix from a different word. */
final class Spelling {

  private Spelling() {
  }

  /**
   * True when {@code b} is {@code a} with at most {@code maxEdits} edits (insert, delete,
   * replace, swap two neighbours), and both are at least {@code minLength} long, since short
   * words one edit apart are usually different words ("Iran", "Iraq").
   */
  static boolean isTypo(String a, String b, int maxEdits, int minLength) {
    return Math.min(a.length(), b.length()) >= minLength
      && Math.abs(a.length() - b.length()) <= maxEdits
      && (maxEdits > 1 || differingMiddle(a, b) <= 2)
      && distance(a, b) <= maxEdits;
  }

  /**
   * How many letters of the longer word lie between the ends the words have in common. One edit
   * leaves at most two (a swap), so most pairs of different words are told apart without
   * {@link #distance}, which the matcher would otherwise run for every candidate it pairs.
   */
  private static int differingMiddle(String a, String b) {
    int start = 0;
    int shorter = Math.min(a.length(), b.length());
    while (start < shorter && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    int endA = a.length();
    int endB = b.length();
    while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
      endA--;
      endB--;
    }
    return Math.max(endA, endB) - start;
  }

  /** Optimal string alignment distance: "Beunos" for "Buenos" is one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
