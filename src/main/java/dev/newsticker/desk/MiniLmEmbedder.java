package dev.newsticker.desk;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * all-MiniLM-L6-v2, quantized, in process on onnxruntime: model and tokenizer come from the jar,
 * nothing is downloaded. Loading takes about a second of CPU and some 100 MB of native memory,
 * so one instance serves the whole JVM; it is safe to call from several threads.
 */
final class MiniLmEmbedder implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private static volatile MiniLmEmbedder shared;

  private final AllMiniLmL6V2QuantizedEmbeddingModel model;

  private MiniLmEmbedder() {
    long started = System.nanoTime();
    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    embed("warm up");
    LOG.info("Desk embedding model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** The JVM's one instance, loaded on first use. */
  static MiniLmEmbedder shared() {
    MiniLmEmbedder instance = shared;
    if (instance == null) {
      synchronized (MiniLmEmbedder.class) {
        instance = shared;
        if (instance == null) {
          shared = instance = new MiniLmEmbedder();
        }
      }
    }
    return instance;
  }

  @Override
  public float[] embed(String text) {
    return model.embed(text).content().vector();
  }
}
