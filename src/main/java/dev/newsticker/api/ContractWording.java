package dev.newsticker.api;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a field must be, in the API's words, from one of the schema validator's sentences
 * ("Instance type string is invalid. Expected integer" becomes "must be a whole number"). The
 * validator builds its sentences from the schema keyword that failed; each keyword this API's
 * document uses has its rule here, and any other sentence becomes a plain "is not valid".
 */
final class ContractWording {
  private static final Map<String, String> TYPES = Map.of(
    "string", "text", "integer", "a whole number", "number", "a number", "boolean", "true or false",
    "array", "a list", "object", "an object", "null", "null");

  private record Rule(Pattern pattern, Function<MatchResult, String> wording) {
  }

  private static final List<Rule> RULES = List.of(
    rule("Instance type \\S+ is invalid\\. Expected (\\w+)", m -> "must be " + TYPES.getOrDefault(m.group(1), m.group(1))),
    rule("String is too long \\(\\d+ > (\\d+)\\)", m -> "is longer than " + m.group(1) + " characters"),
    rule("String is too short \\(\\d+ < (\\d+)\\)",
      m -> m.group(1).equals("1") ? "must not be empty" : "is shorter than " + m.group(1) + " characters"),
    rule("Array has too many items \\(.*?> (\\d+)\\)", m -> "holds more than " + m.group(1) + " items"),
    rule("Array has too few items \\(.*?< (\\d+)\\)", m -> "must hold at least " + m.group(1) + (m.group(1).equals("1") ? " item" : " items")),
    rule("\\S+ is less than or equal to (\\S+)", m -> "must be more than " + m.group(1)),
    rule("\\S+ is less than (\\S+)", m -> "must be at least " + m.group(1)),
    rule("\\S+ is greater than or equal to (\\S+)", m -> "must be less than " + m.group(1)),
    rule("\\S+ is greater than (\\S+)", m -> "must be at most " + m.group(1)),
    rule("String does not match format \"date-time\"", m -> "must be a date and time such as 2026-12-03T18:00:00Z"),
    rule("String does not match format \"([^\"]+)\"", m -> "must be a valid " + m.group(1)),
    rule("Instance does not match any of (.*)", m -> "must be one of " + m.group(1)),
    rule("Instance does not have required property \"[^\"]+\"", m -> "is required"),
    rule("can't be decoded", m -> "could not be read"));

  private ContractWording() {
  }

  private static Rule rule(String regex, Function<MatchResult, String> wording) {
    return new Rule(Pattern.compile(regex), wording);
  }

  /** What {@code field} must be, from the validator's {@code sentence}; never the sentence itself. */
  static String rule(String field, String sentence) {
    String text = sentence == null ? "" : sentence;
    if (text.contains("does not match pattern")) {
      return field != null && field.toLowerCase().endsWith("url") ? "must be an http:// or https:// address" : "is not in the accepted form";
    }
    for (Rule rule : RULES) {
      Matcher matcher = rule.pattern().matcher(text);
      if (matcher.find()) {
        return rule.wording().apply(matcher);
      }
    }
    return "is not valid";
  }
}
