package dev.newsticker.desk;

import dev.newsticker.desk.HeadlineWords.Word;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link Vetoes} compare between two headlines: their names, the words they are made of,
 * the day or date they are about, the movements they report (opens or closes, up or down, wins
 * or loses) and their figures. Built on demand for the few stories a headline is judged against.
 *
 * @param caseless  Title Case or ALL CAPS: its capitals say nothing about names
 * @param leading   the first word in lower case when it is capitalised (a name or not: every headline capitalises it)
 * @param names     names in lower case: the capitalised words after the first
 * @param runs      the runs of capitalised words ("Tom Finney", "Bank of England" is two), each a set
 * @param words     every content word in lower case, stemmed, figures left out
 * @param weekdays  days of the week named (mon ... sun)
 * @param dates     months named (jan ... dec), each with the day of the month when one follows or precedes it
 * @param years     years named
 * @param movements each movement named, as "group:value" (session:open, direction:+, outcome:win)
 * @param figures   the numbers, digits or words ("six")
 * @param initials  acronyms that runs of capitalised words spell ("usgs" for "US Geological Survey")
 * @param quoted    the words inside quotation marks, in lower case: what someone is quoted as saying
 * @param fatality  how it speaks of death: {@link Fatality#DEATH} someone's death (a death word and no
 *                  figure), {@link Fatality#TOLL} killing or a count of dead, {@link Fatality#NONE} neither
 */
record HeadlineFacts(boolean caseless, String leading, Set<String> names, List<Set<String>> runs, Set<String> words, Set<String> weekdays,
                     Set<String> dates, Set<String> years, Set<String> movements, List<Double> figures,
                     Set<String> initials, Set<String> quoted, Fatality fatality) {

  /** How a headline speaks of death. */
  enum Fatality { NONE, TOLL, DEATH }

  /** A quotation: opening quote after a space or at the start, closing quote before a space, punctuation or the end. */
  private static final Pattern QUOTE =
    Pattern.compile("(?:^|[\\s(])['\"\u2018\u201c](.+?)['\"\u2019\u201d](?=$|[\\s,.:;!?)])");
  private static final Pattern DAY = Pattern.compile("(\\d{1,2})(st|nd|rd|th)?");
  private static final Pattern YEAR = Pattern.compile("(19|20)\\d\\d");
  private static final Pattern NOT_DIGITS = Pattern.compile("[^0-9.]");
  /** Small words inside a name that its acronym may keep: "BoE" for "Bank of England". */
  private static final Set<String> JOINERS = Set.of("of", "and", "for");
  private static final List<String> WEEKDAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
  private static final List<String> MONTHS =
    List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
  private static final Set<String> DEATH_WORDS = Set.of("dies", "died", "die", "dead", "death", "deaths", "dying");
  private static final Set<String> KILLING_WORDS = Set.of("kill", "kills", "killed", "killing", "killings", "toll",
    "murder", "murders", "murdered", "slain", "fatal", "fatally", "massacre");
  /** A death word beside these is a sentence or a penalty, not a death. */
  private static final Set<String> SENTENCING = Set.of("penalty", "sentence", "sentences", "sentenced", "row", "threat",
    "threats", "condemned");
  private static final Set<String> AGE_WORDS = Set.of("at", "aged", "age");
  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
    Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
    Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
    Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("dozen", 12), Map.entry("dozens", 24),
    Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50),
    Map.entry("hundred", 100), Map.entry("hundreds", 200));
  /**
   * Words that report a movement, by group: two headlines that name different values of one group
   * report different events (the open and the close, a rise and a fall, a win and a defeat).
   */
  private static final Map<String, String> MOVEMENTS = movementWords();

  static HeadlineFacts of(String headline) {
    List<Word> split = HeadlineWords.split(headline == null ? "" : headline);
    boolean caseless = HeadlineWords.caseless(split);
    // an acronym that is also a stopword (US, IT) stays a word unless the whole headline shouts
    boolean shouting = split.stream().allMatch(Word::allCaps);
    Set<String> names = new HashSet<>();
    Set<String> words = new HashSet<>();
    Set<String> weekdays = new HashSet<>();
    Set<String> dates = new HashSet<>();
    Set<String> years = new HashSet<>();
    Set<String> movements = new HashSet<>();
    List<Double> figures = new ArrayList<>();
    String leading = null;
    List<Set<String>> runs = new ArrayList<>();
    Set<String> run = new HashSet<>();
    for (int i = 0; i < split.size(); i++) {
      Word word = split.get(i);
      String lower = word.lower();
      if (!word.capitalised() && !run.isEmpty()) {
        runs.add(run);
        run = new HashSet<>();
      }
      String month = month(lower);
      if (weekday(lower) != null) {
        weekdays.add(weekday(lower));
      } else if (month != null && (word.capitalised() || caseless)) {
        dates.add(month + dayNear(split, i));
      } else if (isYear(word)) {
        years.add(lower);
      } else if (word.figure() || NUMBER_WORDS.containsKey(lower)) {
        Double figure = figure(lower);
        if (figure != null && !besideMonth(split, i)) {
          figures.add(figure);
        }
        continue;
      }
      String movement = MOVEMENTS.get(lower);
      if (movement != null) {
        movements.add(movement);
      }
      if (HeadlineWords.isStopword(word, shouting)) {
        continue;
      }
      words.add(HeadlineWords.stem(lower));
      if (word.position() == 0) {
        leading = word.capitalised() ? lower : null;
      } else if (word.capitalised()) {
        names.add(lower);
      }
      if (word.capitalised()) {
        run.add(lower);
      }
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return new HeadlineFacts(caseless, leading, names, runs, words, weekdays, dates, years, movements, figures, initials(split),
      quoted(headline == null ? "" : headline), fatality(split));
  }

  /**
   * Someone's death when the headline says someone died and gives no count ("Donna Summer dies at
   * 63" gives an age; "Two die" is a count); a toll when it speaks of killing or of a number of
   * dead. A death sentence, penalty or threat is no death.
   */
  private static Fatality fatality(List<Word> split) {
    boolean death = false;
    boolean counted = false;
    for (int i = 0; i < split.size(); i++) {
      Word word = split.get(i);
      String lower = word.lower();
      if (SENTENCING.contains(lower)) {
        return Fatality.NONE;
      }
      String next = i + 1 < split.size() ? split.get(i + 1).lower() : "";
      String previous = i > 0 ? split.get(i - 1).lower() : "";
      if (KILLING_WORDS.contains(lower)) {
        return Fatality.TOLL;
      }
      death |= DEATH_WORDS.contains(lower) && !SENTENCING.contains(next);
      // "dies at 63", "aged 80": an age, not a count of dead
      counted |= (word.figure() || NUMBER_WORDS.containsKey(lower)) && !isYear(word) && !AGE_WORDS.contains(previous);
    }
    return !death ? Fatality.NONE : counted ? Fatality.TOLL : Fatality.DEATH;
  }

  private static Set<String> quoted(String headline) {
    Set<String> quoted = new HashSet<>();
    Matcher quote = QUOTE.matcher(headline);
    while (quote.find()) {
      for (Word word : HeadlineWords.split(quote.group(1))) {
        quoted.add(word.lower());
      }
    }
    return quoted;
  }

  private static Set<String> initials(List<Word> split) {
    Set<String> initials = new HashSet<>();
    for (int start = 0; start < split.size(); start++) {
      StringBuilder acronym = new StringBuilder();
      for (int i = start; i < split.size() && (split.get(i).capitalised() || i > start && JOINERS.contains(split.get(i).lower())); i++) {
        Word word = split.get(i);
        acronym.append(word.allCaps() ? word.lower() : word.lower().substring(0, 1));
        if (i > start) {
          initials.add(acronym.toString());
        }
      }
    }
    return initials;
  }

  /** A day of the week, by its name or its usual short form ("Wed", "Thurs"). */
  private static String weekday(String lower) {
    for (int d = 0; d < 7; d++) {
      String name = DAY_NAMES.get(d);
      if (lower.equals(name) || lower.length() >= 3 && lower.length() <= 5 && !lower.equals("sun") && !lower.equals("sat")
        && name.startsWith(lower)) {
        return WEEKDAYS.get(d);
      }
    }
    return null;
  }

  private static final List<String> DAY_NAMES =
    List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final List<String> MONTH_NAMES = List.of("january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december");

  /** A month by its name or its usual short form ("Mar.", "Sept"); "may" and "march" only when capitalised (the caller checks). */
  private static String month(String lower) {
    for (int m = 0; m < 12; m++) {
      String name = MONTH_NAMES.get(m);
      if (lower.equals(name) || lower.length() >= 3 && name.startsWith(lower) && lower.length() <= 4) {
        return MONTHS.get(m);
      }
    }
    return null;
  }

  private static String dayNear(List<Word> split, int i) {
    for (int j : new int[] {i + 1, i - 1}) {
      if (j >= 0 && j < split.size() && isDay(split.get(j))) {
        return " " + split.get(j).lower();
      }
    }
    return "";
  }

  private static boolean besideMonth(List<Word> split, int i) {
    if (!isDay(split.get(i))) {
      return false;
    }
    for (int j : new int[] {i + 1, i - 1}) {
      if (j >= 0 && j < split.size() && month(split.get(j).lower()) != null && split.get(j).capitalised()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isDay(Word word) {
    Matcher day = DAY.matcher(word.lower());
    if (!day.matches()) {
      return false;
    }
    int number = Integer.parseInt(day.group(1));
    return number >= 1 && number <= 31;
  }

  private static boolean isYear(Word word) {
    return YEAR.matcher(word.lower()).matches();
  }

  private static Double figure(String lower) {
    Integer word = NUMBER_WORDS.get(lower);
    if (word != null) {
      return word.doubleValue();
    }
    String digits = NOT_DIGITS.matcher(lower).replaceAll("");
    try {
      return digits.isEmpty() ? null : Double.valueOf(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Map<String, String> movementWords() {
    Map<String, String> map = new HashMap<>();
    group(map, "session:open", "open", "opens", "opening", "opened");
    group(map, "session:close", "close", "closes", "closing", "closed", "end", "ends", "ended");
    group(map, "session:morning", "morning", "mid-morning");
    group(map, "session:afternoon", "afternoon", "mid-afternoon");
    group(map, "direction:+", "higher", "up", "rise", "rises", "rose", "gain", "gains", "gained", "climb", "climbs",
      "advance", "advances", "surge", "surges", "jump", "jumps", "rally", "rallies", "strengthen", "strengthens",
      "firm", "firms", "firmer", "soar", "soars", "rebound", "rebounds");
    group(map, "direction:-", "lower", "down", "fall", "falls", "fell", "drop", "drops", "dropped", "slip", "slips",
      "decline", "declines", "plunge", "plunges", "slump", "slumps", "tumble", "tumbles", "dip", "dips", "weaken",
      "weakens", "weaker", "sink", "sinks", "slide", "slides", "losses");
    group(map, "direction:0", "flat", "mixed", "steady", "unchanged");
    group(map, "outcome:win", "win", "wins", "won", "beat", "beats", "victory");
    group(map, "outcome:lose", "lose", "loses", "defeat", "defeated", "lost", "loss");
    group(map, "verdict:acquit", "acquit", "acquits", "acquitted", "cleared");
    group(map, "verdict:convict", "convict", "convicts", "convicted", "guilty", "sentenced", "jailed");
    // a part of a country: "northern Iraq" and "southern Iraq" are two places ("Northeast" is in no group: it overlaps two)
    group(map, "region:north", "north", "northern");
    group(map, "region:south", "south", "southern");
    group(map, "region:east", "east", "eastern");
    group(map, "region:west", "west", "western");
    group(map, "hospital:in", "hospitalised", "hospitalized", "admitted", "taken");
    group(map, "hospital:out", "released", "discharged", "leaves");
    return Map.copyOf(map);
  }

  private static void group(Map<String, String> map, String value, String... words) {
    for (String word : words) {
      map.put(word, value);
    }
  }
}
