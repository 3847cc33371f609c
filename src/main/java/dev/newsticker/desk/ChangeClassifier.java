package dev.newsticker.desk;

import dev.newsticker.desk.HeadlineWords.Word;

import java.util.List;

/**
 * Names the kind of change between two headlines of one story, for the {@code change} field of
 * a {@code story.updated} event: {@code figure} when only numbers changed, {@code correction}
 * when only spelling was fixed (each changed word within a small edit distance, or nothing but
 * case and punctuation changed), {@code wording} otherwise.
 */
public final class ChangeClassifier {
  public static final String FIGURE = "figure";
  public static final String CORRECTION = "correction";
  public static final String WORDING = "wording";

  private ChangeClassifier() {
  }

  public static String classify(String oldHeadline, String newHeadline) {
    List<Word> before = HeadlineWords.split(oldHeadline);
    List<Word> after = HeadlineWords.split(newHeadline);
    if (before.size() != after.size()) {
      return WORDING;
    }
    boolean figures = false;
    boolean spelling = false;
    for (int i = 0; i < before.size(); i++) {
      Word was = before.get(i);
      Word now = after.get(i);
      if (was.lower().equals(now.lower())) {
        continue;
      }
      if (isNumber(was) && isNumber(now)) {
        figures = true;
      } else if (!isNumber(was) && !isNumber(now) && isTypo(was.lower(), now.lower())) {
        spelling = true;
      } else {
        return WORDING;
      }
    }
    if (figures && spelling) {
      return WORDING;
    }
    return figures ? FIGURE : CORRECTION;
  }

  private static boolean isNumber(Word word) {
    return Character.isDigit(word.text().charAt(0));
  }

  /** Short words get less slack: "hip" to "hit" is a fix, "Tuesday" to "Thursday" is news. */
  private static boolean isTypo(String a, String b) {
    int length = Math.min(a.length(), b.length());
    int allowed = length >= 8 ? 2 : length >= 3 ? 1 : 0;
    return Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
  }

  /** Edit distance with adjacent transpositions ("Sienbaum" for "Sheinbaum" is one insertion). */
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
