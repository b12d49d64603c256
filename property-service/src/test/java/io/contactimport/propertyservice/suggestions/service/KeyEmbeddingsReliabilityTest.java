package io.contactimport.propertyservice.suggestions.service;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How far the embedding model can be trusted alone (BENCHMARKS.md): for every worded column of both development
 * folders, its most similar existing property at a threshold, against the expected mapping; English headers apart
 * from headers in other languages. The suggester uses the model only where the dictionary and the words say nothing.
 */
class KeyEmbeddingsReliabilityTest {

    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8};

    @Test
    void theModelAloneIsFairOnEnglishHeadersAndBlindAcrossLanguages() throws Exception {
        KeyEmbeddings model = KeyEmbeddings.loadedNow();
        // [english or other][threshold] → right, wrong, missed
        int[][][] counts = new int[2][THRESHOLDS.length][3];
        for (String folder : List.of("column-mapping-dev", "column-mapping-dev-2")) {
            try (Stream<Path> files = Files.list(Path.of("src/test/resources", folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    count(model, new ObjectMapper().readTree(file.toFile()), counts);
                }
            }
        }
        StringBuilder report = new StringBuilder("embedding model alone, best existing property at a threshold:\n");
        for (int language = 0; language < 2; language++) {
            for (int t = 0; t < THRESHOLDS.length; t++) {
                int[] c = counts[language][t];
                report.append(String.format("  %-8s %.1f  right %3d  wrong %3d  missed %3d  precision %.2f%n",
                        language == 0 ? "english" : "other", THRESHOLDS[t], c[0], c[1], c[2],
                        c[0] / Math.max(1.0, c[0] + c[1])));
            }
        }
        System.out.println(report);
        int[] englishAtTheSuggestersThreshold = counts[0][1];
        assertTrue(englishAtTheSuggestersThreshold[0] >= 2 * englishAtTheSuggestersThreshold[1], report.toString());
    }

    private static void count(KeyEmbeddings model, JsonNode testCase, int[][][] counts) {
        SampledFile sample = SampledFile.read(new ByteArrayInputStream(
                testCase.path("csv").asText().getBytes(StandardCharsets.UTF_8)));
        List<String> keys = new ArrayList<>();
        testCase.path("existing_properties").forEach(p -> keys.add(p.path("key").asText()));
        JsonNode expected = testCase.path("expected").path("existing");
        for (String header : sample.header()) {
            if (HeaderText.meaningless(header) || keys.isEmpty()) {
                continue;
            }
            String best = null;
            double bestSimilarity = -1;
            for (String key : keys) {
                double similarity = model.similarity(HeaderText.normalise(header), key.replace('_', ' '));
                if (similarity > bestSimilarity) {
                    bestSimilarity = similarity;
                    best = key;
                }
            }
            String want = expected.path(header).isMissingNode() ? null : expected.path(header).asText();
            int language = Gloss.of(header).isPresent() ? 1 : 0;
            for (int t = 0; t < THRESHOLDS.length; t++) {
                if (bestSimilarity >= THRESHOLDS[t]) {
                    counts[language][t][best.equals(want) ? 0 : 1]++;
                } else if (want != null) {
                    counts[language][t][2]++;
                }
            }
        }
    }
}
