package dev.newsticker.desk;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Our own session over the packaged model gives the packaged model's vectors, and takes any length. */
class MiniLmEmbedderTest {

  @Test
  void vectorsAreThoseOfThePackagedModel() {
    AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    for (String headline : new String[] {"Gunmen free 12 hostages seized in Mopti raid",
      "Israel's army orders settlers out of Hebron house", "6.6 quake rocks Halmahera: USGS"}) {
      float[] ours = MiniLmEmbedder.shared().embed(headline);
      float[] theirs = reference.embed(headline).content().vector();
      assertEquals(1.0, cosine(ours, theirs), 1e-6, headline);
    }
  }

  @Test
  void aTextLongerThanTheModelTakesIsCutNotRefused() {
    float[] vector = MiniLmEmbedder.shared().embed("word ".repeat(700));
    assertEquals(384, vector.length);
    assertEquals(1.0, cosine(vector, vector), 1e-5, "a unit vector");
  }

  private static double cosine(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
