package dev.newsticker.desk;

import dev.newsticker.desk.HeadlineFacts.Fatality;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Rules that keep different news apart however alike two headlines read: each names a
 * difference that makes them two stories whatever else they share. The desk asks them about a
 * story before it lets a headline update it, on the lexical path and on the semantic one.
 */
final class Vetoes {
  /** Two tolls this far apart (the larger over the smaller) are different counts, not a revision. */
  static final double TOLL_RATIO = 1.5;
  /** Names sharing this long a beginning are one name: Syria and Syrian, Afghan and Afghanistan, Saudi and Saudis. */
  private static final int SHARED_PREFIX = 4;
  /** A word this long one edit from another is that word misspelt; shorter ones are often other words ("clash", "crash"). */
  private static final int MISSPELT_MIN_LENGTH = 6;

  private Vetoes() {
  }

  /** The reason two headlines are different news, or null when no rule tells them apart. */
  static String apart(HeadlineFacts a, HeadlineFacts b) {
    if (differentNames(a, b)) {
      return "names";
    }
    if (differentDays(a, b)) {
      return "day";
    }
    if (oppositeMovements(a, b)) {
      return "movement";
    }
    if (differentQuotes(a, b)) {
      return "quotes";
    }
    if (aDeathReported(a, b)) {
      return "death";
    }
    return differentTolls(a, b) ? "figures" : null;
  }

  /**
   * A place, person, team or company replaced: each headline names something the other does
   * not mention in any form ("Nigeria" and "Ghana", "US troops" and "NATO troops"). A name only
   * one of them has is a detail added or dropped, and so is a name that qualifies one both have.
   * The first words count only when both are capitalised and each is missing from the other
   * (a subject swapped: "Mexico slaps ..." and "Brazil slaps ..."). In Title Case capitals mark
   * no names, so this rule says nothing when either headline is in Title Case.
   */
  static boolean differentNames(HeadlineFacts a, HeadlineFacts b) {
    if (a.caseless() || b.caseless()) {
      return false;
    }
    Set<String> missingA = missingNames(a, b);
    Set<String> missingB = missingNames(b, a);
    if (a.leading() != null && b.leading() != null && !mentions(b, a.leading()) && !mentions(a, b.leading())) {
      missingA.add(a.leading());
      missingB.add(b.leading());
    }
    return !missingA.isEmpty() && !missingB.isEmpty();
  }

  /**
   * The names of {@code a} that {@code b} lacks in any form, leaving out those that only qualify
   * a name both have ("Paul" of "Paul Ryan" against "Ryan", "Premier Li" of "China Premier Li").
   */
  private static Set<String> missingNames(HeadlineFacts a, HeadlineFacts b) {
    Set<String> missing = missing(a.names(), b);
    for (Set<String> run : a.runs()) {
      if (run.stream().anyMatch(name -> mentions(b, name))) {
        missing.removeAll(run);
      }
    }
    return missing;
  }

  /**
   * A recurring column or a market report of another day: both name a weekday, a date or a year,
   * and not the same one ("Must-Reads for Friday, December 6" and "... Friday, July 12").
   */
  static boolean differentDays(HeadlineFacts a, HeadlineFacts b) {
    return disjoint(a.weekdays(), b.weekdays()) || disjoint(a.dates(), b.dates()) || disjoint(a.years(), b.years());
  }

  /**
   * Opposite movements: both report a movement of one kind and share no value of it ("open
   * lower" and "close lower", "down 8 paise" and "up 22 paise", "acquitted" and "convicted").
   */
  static boolean oppositeMovements(HeadlineFacts a, HeadlineFacts b) {
    for (String movement : a.movements()) {
      String group = movement.substring(0, movement.indexOf(':') + 1);
      if (inGroup(b, group) && a.movements().stream().filter(value -> value.startsWith(group))
        .noneMatch(b.movements()::contains)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inGroup(HeadlineFacts facts, String group) {
    return facts.movements().stream().anyMatch(value -> value.startsWith(group));
  }

  /**
   * Two different statements: both quote someone, and the quotes share no word ("vows to act
   * 'responsibly'" and "'no longer bound'"). A quote only one of them has is a detail.
   */
  static boolean differentQuotes(HeadlineFacts a, HeadlineFacts b) {
    return disjoint(a.quoted(), b.quoted());
  }

  /**
   * Someone's death is news of its own: one headline reports a death and the other speaks of no
   * death or killing at all ("Donna Summer, the queen of disco" and "Donna Summer dies at 63",
   * "Rape victim struggling" and "Rape victim dies"). A toll added to a report ("Quake hits
   * Halmahera" and "Quake hits Halmahera, 33 dead") stays an update.
   */
  static boolean aDeathReported(HeadlineFacts a, HeadlineFacts b) {
    return a.fatality() == Fatality.DEATH && b.fatality() == Fatality.NONE
      || b.fatality() == Fatality.DEATH && a.fatality() == Fatality.NONE;
  }

  /**
   * Two different counts of different events: the figures share no value and the words differ
   * too, each headline having words the other lacks: one word when the largest figures differ by
   * more than {@link #TOLL_RATIO} ("mine accident kills 10" and "truck accident kills 20"), two
   * when they are close ("train crash kills 26" and "mine clash kills 30"). A toll revised in the
   * same wording ("kills 24" to "kills 23", or to "kills 40" with nothing else changed, or "toll
   * rises to 30") is an update.
   */
  static boolean differentTolls(HeadlineFacts a, HeadlineFacts b) {
    if (a.figures().isEmpty() || b.figures().isEmpty() || !Collections.disjoint(a.figures(), b.figures())) {
      return false;
    }
    double x = Collections.max(a.figures());
    double y = Collections.max(b.figures());
    int replaced = Math.min(missing(a.words(), b).size(), missing(b.words(), a).size());
    return replaced >= (Math.max(x, y) > TOLL_RATIO * Math.min(x, y) ? 1 : 2);
  }

  private static boolean disjoint(Set<String> a, Set<String> b) {
    return !a.isEmpty() && !b.isEmpty() && Collections.disjoint(a, b);
  }

  /** The words of {@code words} the other headline has in no form. */
  private static Set<String> missing(Set<String> words, HeadlineFacts other) {
    Set<String> missing = new HashSet<>();
    for (String word : words) {
      if (!mentions(other, word)) {
        missing.add(word);
      }
    }
    return missing;
  }

  private static boolean mentions(HeadlineFacts other, String word) {
    String stem = HeadlineWords.stem(word);
    for (String candidate : other.words()) {
      if (candidate.equals(stem) || sameRoot(candidate, stem) || Spelling.isTypo(candidate, stem, 1, MISSPELT_MIN_LENGTH)) {
        return true;
      }
    }
    return word.length() >= 3 && other.initials().contains(word);
  }

  private static boolean sameRoot(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int shared = 0;
    while (shared < n && a.charAt(shared) == b.charAt(shared)) {
      shared++;
    }
    return shared >= SHARED_PREFIX && shared >= n - 1;
  }
}
