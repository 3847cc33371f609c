package dev.newsticker.desk;

import dev.newsticker.desk.HeadlineWords.Word;

import java.util.ArrayList;
import java.util.List;

/**
 * The terms of a headline that identify its story: stemmed content words without stopwords
 * or figures, each once, each marked as a name or not.
 * <p>
 * A capital in mid-headline marks a name. The first word is capitalised anyway, so it counts
 * as a name unless the live stories use it in lower case more often than capitalised; an unknown
 * first word counts as a name, because treating a name as a common word risks a false merge.
 * In Title Case or ALL CAPS headlines casing says nothing, and only the live stories decide.
 *
 * @param evidence true when this use tells lower case from capitals (mid-headline, meaningful case)
 */
record HeadlineTerms(String term, boolean name, boolean evidence) {

  static List<HeadlineTerms> of(String headline, TermIndex index) {
    List<Word> words = HeadlineWords.split(headline == null ? "" : headline);
    boolean caseless = HeadlineWords.caseless(words);
    List<HeadlineTerms> terms = new ArrayList<>(words.size());
    for (Word word : words) {
      if (word.figure() || HeadlineWords.isStopword(word, caseless)) {
        continue;
      }
      String term = HeadlineWords.stem(word.lower());
      boolean name;
      boolean evidence = false;
      if (caseless) {
        name = index.nameVote(index.find(term)) > 0;
      } else if (word.position() == 0) {
        name = word.allCaps() || (word.capitalised() && index.nameVote(index.find(term)) >= 0);
      } else {
        name = word.capitalised();
        evidence = true;
      }
      merge(terms, new HeadlineTerms(term, name, evidence));
    }
    return terms;
  }

  private static void merge(List<HeadlineTerms> terms, HeadlineTerms next) {
    for (int i = 0; i < terms.size(); i++) {
      HeadlineTerms seen = terms.get(i);
      if (seen.term.equals(next.term)) {
        terms.set(i, new HeadlineTerms(seen.term, seen.name || next.name, seen.evidence || next.evidence));
        return;
      }
    }
    terms.add(next);
  }
}
