package dev.newsticker.desk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeClassifierTest {

  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "figure     | Floods in Peru kill 31 as rivers burst their banks | Floods in Peru kill 38 as rivers burst their banks",
    "figure     | Voltara recalls 120,000 cars over faulty brakes | Voltara recalls 135,000 cars over faulty brakes",
    "figure     | Oil jumps 4% as producers agree cuts | Oil jumps 4.5% as producers agree cuts",
    "correction | Police fire tear gas at protest in Beunos Aires | Police fire tear gas at protest in Buenos Aires",
    "correction | Okoro to miss All-Star Game with calf strian | Okoro to miss All-Star Game with calf strain",
    "correction | Defunct wheather satellite to fall to Earth | Defunct weather satellite to fall to Earth",
    "correction | Washington post announces job cuts | Washington Post announces job cuts.",
    "wording    | Gaza health officials say strikes kill 24 after Israel says officer wounded"
      + " | Gaza health officials say strikes kill 23 after Israel says shots wounded officer",
    "wording    | Bezos-led Washington Post announces 'painful' job cuts | Washington Post announces 'painful' job cuts",
    "wording    | Russia vows to act 'responsibly' as nuclear pact ends with US"
      + " | Russia vows to act 'responsibly' once nuclear pact with US ends",
    "wording    | US seeks minerals trade zone in rare Trump move with allies"
      + " | US calls for minerals trade zone in rare move with allies",
    "wording    | Vote set for Tuesday | Vote set for Thursday",
    "wording    | Strikes kill 24 in Gaza city | Strikes kill 23 in Gaza citty now"})
  void namesTheKindOfChange(String expected, String before, String after) {
    assertEquals(expected, ChangeClassifier.classify(before, after));
  }
}
