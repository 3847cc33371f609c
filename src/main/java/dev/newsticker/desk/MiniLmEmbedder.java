package dev.newsticker.desk;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;

/**
 * all-MiniLM-L6-v2, quantized, in process on onnxruntime: model and tokenizer come from the jar
 * (langchain4j's packaging), nothing is downloaded. The session runs on the calling thread only
 * (one intra-op thread, no spinning): the desk embeds on its own thread and leaves the other
 * cores to the event loops. Loading takes a second or two; one instance serves the whole JVM.
 * <p>
 * The vector of a text is the mean of its tokens' last hidden states, as the model was trained,
 * normalised to unit length. One text per run: the quantized model scales its activations over
 * the whole batch, so a text batched with others gets a slightly different vector.
 */
final class MiniLmEmbedder implements Embedder {
  private static final Logger LOG = LoggerFactory.getLogger(MiniLmEmbedder.class);
  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
  /** Headlines are short; a longer text is cut here (the model itself stops at 512 tokens). */
  private static final int MAX_TOKENS = 128;
  private static volatile MiniLmEmbedder shared;

  private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;

  private MiniLmEmbedder() {
    long started = System.nanoTime();
    try (InputStream model = resource(MODEL); InputStream tokens = resource(TOKENIZER);
         OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      this.session = environment.createSession(model.readAllBytes(), options);
      this.tokenizer = HuggingFaceTokenizer.newInstance(tokens,
        Map.of("truncation", "true", "maxLength", String.valueOf(MAX_TOKENS), "padding", "false"));
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
    return run(tokenizer.encode(text).getIds());
  }

  private float[] run(long[] tokens) {
    long[][] mask = new long[1][tokens.length];
    Arrays.fill(mask[0], 1L);
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, new long[][] {tokens});
         OnnxTensor maskTensor = OnnxTensor.createTensor(environment, mask);
         OnnxTensor typeTensor = OnnxTensor.createTensor(environment, new long[1][tokens.length]);
         OrtSession.Result result = session.run(
           Map.of("input_ids", idTensor, "attention_mask", maskTensor, "token_type_ids", typeTensor))) {
      return meanOfUnitLength(((float[][][]) result.get(0).getValue())[0]);
    } catch (OrtException e) {
      throw new IllegalStateException("the embedding model failed", e);
    }
  }

  private static float[] meanOfUnitLength(float[][] states) {
    float[] mean = new float[states[0].length];
    for (int t = 0; t < states.length; t++) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += states[t][d];
      }
    }
    double norm = 0;
    for (float v : mean) {
      norm += v * v;
    }
    float scale = (float) (1 / Math.sqrt(norm == 0 ? 1 : norm));
    for (int d = 0; d < mean.length; d++) {
      mean[d] *= scale;
    }
    return mean;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing " + name + " on the class path");
    }
    return in;
  }
}
