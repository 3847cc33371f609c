package dev.newsticker.desk;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a headline into words the way the desk compares them: quotes, possessives and
 * punctuation dropped, accents folded, "U.S." read as "US", "24,000" and "1.5" kept whole.
 * Each word keeps its casing, because a capital in mid-headline marks a name.
 */
final class HeadlineWords {

  /** One word of a headline. {@code figure} is a number that may change between revisions (years are not). */
  record Word(String text, String lower, int position, boolean capitalised, boolean allCaps, boolean figure) {
  }

  /** Function words and headline filler that say nothing about which story it is. */
  private static final Set<String> STOPWORDS = Set.of(
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as", "and", "or", "but",
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "into", "onto", "over", "after", "amid", "says", "say", "said", "will", "would",
    "could", "can", "may", "might", "must", "should", "not", "no", "up", "out", "off", "than", "then",
    "once", "while", "what", "why", "how", "when", "where", "who", "whom", "which", "his", "her", "their",
    "our", "my", "your", "he", "she", "they", "we", "you", "i", "me", "him", "them", "us", "about",
    "against", "before", "during", "under", "via", "vs", "v", "just", "also", "more", "most", "very",
    "so", "if", "there", "here", "do", "does", "did", "now", "still", "yet", "all", "any", "some",
    "such", "per", "since", "until", "amongst", "among", "between", "through", "across", "toward",
    "towards", "upon", "within", "without", "report", "reports", "reportedly");

  private HeadlineWords() {
  }

  static List<Word> split(String headline) {
    String text = foldAccents(headline);
    List<Word> words = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : ' ';
      if (Character.isLetterOrDigit(c)) {
        token.append(c);
      } else if (isApostrophe(c) && token.length() > 0 && Character.isLetter(next)) {
        boolean possessive = (next == 's' || next == 'S') && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)));
        if (possessive) {
          i++;
          emit(words, token);
        }
        // otherwise an inner apostrophe (don't, O'Neill): the word goes on without it
      } else if (c == '.' && token.length() == 1 && Character.isLetter(token.charAt(0)) && Character.isLetter(next)) {
        // an initialism like U.S. or A.I.: read as one word
      } else if ((c == '.' || c == ',') && isDigits(token) && Character.isDigit(next)) {
        if (c == '.') {
          token.append('.');
        }
      } else {
        emit(words, token);
      }
    }
    emit(words, token);
    return words;
  }

  /** In a headline with meaningful case, an acronym (US, WHO) is never a stopword. */
  static boolean isStopword(Word word, boolean caseless) {
    return STOPWORDS.contains(word.lower()) && (caseless || !(word.allCaps() && word.text().length() > 1));
  }

  /**
   * True when casing says nothing about names: Title Case or ALL CAPS headlines, where most
   * words after the first are capitalised.
   */
  static boolean caseless(List<Word> words) {
    int content = 0;
    int capitals = 0;
    for (Word word : words) {
      if (word.position() == 0 || word.figure() || STOPWORDS.contains(word.lower())) {
        continue;
      }
      content++;
      if (word.capitalised()) {
        capitals++;
      }
    }
    return content >= 3 && capitals * 10 >= content * 7;
  }

  /** A light stem: plurals and -ed/-ing endings, so that "strikes kill" meets "strike kills". */
  static String stem(String lower) {
    int len = lower.length();
    if (len <= 3 || !Character.isLetter(lower.charAt(len - 1))) {
      return lower;
    }
    if (lower.endsWith("ies") && len > 4) {
      return lower.substring(0, len - 3) + "y";
    }
    if (lower.endsWith("sses") || lower.endsWith("xes") || lower.endsWith("ches") || lower.endsWith("shes")) {
      return lower.substring(0, len - 2);
    }
    if (lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us") && !lower.endsWith("is")) {
      return lower.substring(0, len - 1);
    }
    if (lower.endsWith("ing") && len >= 6) {
      return undouble(lower.substring(0, len - 3));
    }
    if (lower.endsWith("ed") && len >= 5) {
      return undouble(lower.substring(0, len - 2));
    }
    return lower;
  }

  private static String undouble(String stem) {
    int len = stem.length();
    char last = stem.charAt(len - 1);
    boolean doubled = len > 2 && last == stem.charAt(len - 2) && "lsz".indexOf(last) < 0 && "aeiou".indexOf(last) < 0;
    return doubled ? stem.substring(0, len - 1) : stem;
  }

  private static void emit(List<Word> words, StringBuilder token) {
    if (token.length() == 0) {
      return;
    }
    String text = token.toString();
    token.setLength(0);
    boolean capitalised = Character.isUpperCase(text.charAt(0));
    boolean allCaps = capitalised;
    for (int i = 1; i < text.length() && allCaps; i++) {
      allCaps = !Character.isLowerCase(text.charAt(i));
    }
    boolean figure = Character.isDigit(text.charAt(0)) && !isYear(text);
    words.add(new Word(text, text.toLowerCase(), words.size(), capitalised, allCaps, figure));
  }

  private static boolean isYear(String text) {
    return text.length() == 4 && isDigits(text) && (text.startsWith("19") || text.startsWith("20"));
  }

  private static boolean isDigits(CharSequence text) {
    if (text.length() == 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02bc' || c == '`';
  }

  private static String foldAccents(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 127) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
      }
    }
    return text;
  }
}
