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
    return Spelling.isTypo(a, b, length >= 8 ? 2 : 1, 3);
  }
}
