package dev.newsticker.desk;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2, quantized, in process on onnxruntime: model and tokenizer come from the jar
 * (langchain4j's packaging), nothing is downloaded. The session runs on the calling thread only
 * (one intra-op thread, no spinning): the desk embeds one headline at a time and leaves the other
 * cores to the event loops. Loading takes a second or two; one instance serves the whole JVM.
 */
final class MiniLmEmbedder implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  private static volatile MiniLmEmbedder shared;

  private final Model model;

  /** langchain4j's pooling and normalisation over our own session. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(null);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }

  private MiniLmEmbedder() {
    long started = System.nanoTime();
    try (InputStream model = resource(MODEL); InputStream tokenizer = resource(TOKENIZER);
         OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      this.model = new Model(new OnnxBertBiEncoder(environment,
        environment.createSession(model.readAllBytes(), options), tokenizer, PoolingMode.MEAN));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model did not load", e);
    }
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

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing " + name + " on the class path");
    }
    return in;
  }
}
