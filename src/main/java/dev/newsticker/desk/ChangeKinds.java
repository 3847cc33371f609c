package dev.newsticker.desk;

/** Names the kind of a headline change for the event's {@code change} field, or null when unclear. */
@FunctionalInterface
interface ChangeKinds {
  String classify(String before, String after);
}
