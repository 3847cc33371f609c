package dev.newsticker.desk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VetoesTest {

  private static HeadlineFacts facts(String headline) {
    return HeadlineFacts.of(headline);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Floods in Peru kill 31 as rivers burst their banks | Floods in Bolivia kill 31 as rivers burst their banks",
    "Ghana begins rolling out malaria vaccine to children | Nigeria begins rolling out malaria vaccine to children",
    "Six US troops killed in roadside bomb attack | Six NATO troops killed in roadside bomb attack",
    "Measles outbreak in Romania spreads to 900 children | Measles outbreak in Bulgaria spreads to 900 children"})
  void anotherPlacePersonOrTeamIsAnotherStory(String a, String b) {
    assertTrue(Vetoes.differentNames(facts(a), facts(b)));
    assertTrue(Vetoes.differentNames(facts(b), facts(a)), "the rule is symmetric");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Okafor celebrates 90th birthday Monday | Amara Okafor celebrates 90th birthday",
    "Varga announces Lena Holt as running mate | Varga names Holt as running mate",
    "Quake rocks Halmahera: USGS | Quake rocks Halmahera: US Geological Survey",
    "Lindqvist sets high bar for rate cuts at BoE | Lindqvist sets high bar for rate cuts at Bank of England",
    "Sudanese rebels seize air base | Sudan rebels seize air base",
    "Police fire tear gas at pension protest in Beunos Aires | Police fire tear gas at pension protest in Buenos Aires",
    "Wildfire Forces Thousands To Flee Homes Near Athens | Wildfire forces thousands to flee homes near Izmir"})
  void aNameAddedSpelledOrAbbreviatedOtherwiseIsNoVeto(String a, String b) {
    assertFalse(Vetoes.differentNames(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "The Ledger's Early Reads for Friday, December 4, 2026 | The Ledger's Early Reads for Friday, June 12, 2026",
    "Nordic stocks close higher Thursday | Nordic stocks close higher Wednesday",
    "Front pages today, Mar. 12 | Front pages today, June 25",
    "Morning Briefing for March 9 | Morning Briefing for March 10",
    "Annual report 2024 shows loss | Annual report 2025 shows loss"})
  void anotherDaysColumnOrReportIsAnotherStory(String a, String b) {
    assertTrue(Vetoes.differentDays(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Nordic stocks close higher Thursday | Nordic shares end higher on Thursday",
    "Storm hits coast in May | Storm batters coast",
    "US may impose tariffs | US might impose tariffs on steel"})
  void theSameDayOrNoneIsNoVeto(String a, String b) {
    assertFalse(Vetoes.differentDays(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Tallinn stocks open lower | Tallinn stocks close lower",
    "Krona down 12 ore vs euro in early trade | Krona up 7 ore against euro in early trade",
    "Oslo shares higher at mid-afternoon | Oslo shares higher at mid-morning",
    "Bund yields rise after inflation data | Bund yields fall after inflation data",
    "Ashford beat Marlow in cup derby | Ashford lose to Marlow in cup derby",
    "Former mayor acquitted of bribery | Former mayor convicted of bribery",
    "Former president Arriaga taken to hospital | Former president Arriaga released from hospital",
    "Car bomb kills 9 in northern Somalia | Car bomb kills 9 in southern Somalia",
    "Floods cut roads in eastern Bolivia | Floods cut roads in western Bolivia"})
  void oppositeMovementsAreDifferentStories(String a, String b) {
    assertTrue(Vetoes.oppositeMovements(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Tallinn stocks open lower | Tallinn shares open lower on Monday",
    "Oil prices rise on supply fears | Oil climbs on supply worries",
    "Oil prices rise on supply fears | Oil prices rise, then fall back on supply fears",
    "Stocks stabilise after sell-off | Stocks steady after sell-off",
    "Storm batters east coast of Honshu | Storm batters eastern Honshu coast",
    "Blizzard closes roads in the Northeast | Blizzard brings the north to a halt"})
  void theSameMovementOrOnlyOneIsNoVeto(String a, String b) {
    assertFalse(Vetoes.oppositeMovements(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Korvia vows to act 'responsibly' as fishing pact ends | Korvia 'no longer bound' as fishing pact ends",
    "Minister says price cap 'here to stay' | Minister says price cap 'will be reviewed'"})
  void differentQuotesAreDifferentStatements(String a, String b) {
    assertTrue(Vetoes.differentQuotes(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Skerry hits back after Galdor warns of 'heavy price' | Skerry hits back as Galdor warns of a 'heavy price' in ferry row",
    "'Million Mile March' to defend rail link | Million Mile March planned to defend rail link"})
  void theSameQuoteOrOneQuoteIsNoVeto(String a, String b) {
    assertFalse(Vetoes.differentQuotes(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Peru mine accident kills 10 | Peru truck accident kills 20",
    "2 car bombs kill 8 in southern Somalia | Car bombing kills 14 in northern Somalia",
    "Ghana mine clash kills at least 30 | Ghana train crash kills 26",
    "10 dead, five injured in NW Chile road accident | 1 dead, 39 injured in S Chile road accident"})
  void tollsThatDifferWithOtherDetailsAreTwoStories(String a, String b) {
    assertTrue(Vetoes.differentTolls(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Marrin officials say floods kill 14 after river bursts banks | Marrin officials say floods kill 13 after river bursts its banks",
    "Mudslide in Tolima kills 9 | Mudslide in Tolima kills 17, dozens missing",
    "Quake kills 24 in eastern Turkey | Eastern Turkey quake toll rises to 30",
    "Six killed in Kabul blast | 6 killed in Kabul blast"})
  void aRevisedTollIsAnUpdate(String a, String b) {
    assertFalse(Vetoes.differentTolls(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Tomas Reyes, star of Harbour Lights | Tomas Reyes, star of Harbour Lights, dies at 88",
    "Injured climber struggling on Mont Blanc glacier | Injured climber dies on Mont Blanc glacier",
    "Veteran actor Tomas Reyes dead aged 88 | Veteran actor Tomas Reyes honoured in Lisbon"})
  void aDeathReportedIsNewsOfItsOwn(String a, String b) {
    assertTrue(Vetoes.aDeathReported(facts(a), facts(b)));
    assertTrue(Vetoes.aDeathReported(facts(b), facts(a)), "the rule is symmetric");
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Quake hits Halmahera | Quake hits Halmahera, 33 dead",
    "Two die as storm hits Honshu | Storm hits Honshu",
    "Gunman kills guard at Lisbon bank | Guard dies after shooting at Lisbon bank",
    "Court strikes down execution law | Court strikes down death penalty law",
    "Court sentences former general to death | Former general handed sentence by court",
    "Actor Tomas Reyes dies at 88 | Tomas Reyes, Harbour Lights star, dead at 88"})
  void aTollAddedOrADeathInBothIsNoVeto(String a, String b) {
    assertFalse(Vetoes.aDeathReported(facts(a), facts(b)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
    "Typhoon Kalmaegi closes in on Philippine coast | Typhoon Kalmaegi takes aim at Philippine coast",
    "Man killed in Belgian terror raid | Man dies in Belgian 'anti-terror operation'",
    "6.1 quake rocks Halmahera: USGS | 6.1 quake rocks Halmahera: US Geological Survey"})
  void theSameNewsPassesEveryRule(String a, String b) {
    assertTrue(Vetoes.apart(facts(a), facts(b)) == null);
  }
}
