package io.contactimport.propertyservice.suggestions.service;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Semantic similarity of a header and a property key with the in-process all-MiniLM-L6-v2 model. The model is
 * loaded once, in the background at start: until it is ready (or when it is switched off) suggestions simply do
 * without this signal. The model knows English; other languages rely on the dictionary.
 */
@ApplicationScoped
public class KeyEmbeddings implements ColumnSuggester.Similarity {

    private static final Logger LOG = Logger.getLogger(KeyEmbeddings.class);
    private static final int CACHE_LIMIT = 20_000;

    private final boolean enabled;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private volatile EmbeddingModel model;

    public KeyEmbeddings(@ConfigProperty(name = "suggestions.embeddings.enabled") boolean enabled) {
        this.enabled = enabled;
    }

    void load(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        Thread loader = new Thread(() -> {
            long start = System.nanoTime();
            EmbeddingModel loaded = new AllMiniLmL6V2EmbeddingModel();
            loaded.embed("warm up");
            model = loaded;
            LOG.infof("embedding model ready in %d ms", (System.nanoTime() - start) / 1_000_000);
        }, "embedding-model-loader");
        loader.setDaemon(true);
        loader.start();
    }

    /** For tests and the scorer: a ready model without the container. */
    public static KeyEmbeddings loadedNow() {
        KeyEmbeddings embeddings = new KeyEmbeddings(true);
        embeddings.model = new AllMiniLmL6V2EmbeddingModel();
        return embeddings;
    }

    /** Cosine similarity in [-1, 1]; 0 while the model is not ready. */
    @Override
    public double similarity(String a, String b) {
        EmbeddingModel current = model;
        if (current == null) {
            return 0;
        }
        float[] x = vector(current, a);
        float[] y = vector(current, b);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }

    private float[] vector(EmbeddingModel current, String text) {
        float[] cached = vectors.get(text);
        if (cached != null) {
            return cached;
        }
        float[] computed = current.embed(text).content().vector();
        if (vectors.size() < CACHE_LIMIT) {
            vectors.put(text, computed);
        }
        return computed;
    }
}
