package dev.newsticker.desk;

/** Turns a headline into a vector of unit length: headlines that mean the same lie close together. */
@FunctionalInterface
interface Embedder {
  float[] embed(String text);
}
