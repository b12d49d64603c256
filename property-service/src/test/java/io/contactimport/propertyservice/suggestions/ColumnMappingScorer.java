package io.contactimport.propertyservice.suggestions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.propertyservice.suggestions.service.ColumnSuggestion;
import io.contactimport.propertyservice.suggestions.service.ColumnSuggester;
import io.contactimport.propertyservice.suggestions.service.SampledFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Scores the suggestions on a folder of column-mapping cases ({@code src/test/resources/column-mapping-dev} and
 * {@code column-mapping-dev-2}, see their README): each case contributes checks in five parts, and a part's score is
 * the share of its checks passed; a case's score is the share of its own checks passed.
 * <ul>
 *   <li>core: email, first_name and last_name are the expected column (or none);</li>
 *   <li>existing: each column that fits an existing property is mapped to it, and no other column is mapped to an
 *       existing property;</li>
 *   <li>new_imported: each non-optional new column is imported as a new property;</li>
 *   <li>new_key_type: each column imported as a new property has an accepted key (underscores ignored) and type;</li>
 *   <li>ignore: each column to leave out is not imported.</li>
 * </ul>
 * Run alone: {@code ./mvnw -pl property-service test -Dtest=ColumnMappingDevSetTest} (prints the table).
 */
public final class ColumnMappingScorer {

    /** Passed and total checks per part, each case's score, and the misses, to read. */
    public record Score(Map<String, int[]> parts, Map<String, Double> cases, List<String> misses) {

        public double part(String name) {
            int[] counts = parts.get(name);
            return counts[1] == 0 ? 1 : (double) counts[0] / counts[1];
        }

        public double overall() {
            int passed = parts.values().stream().mapToInt(c -> c[0]).sum();
            int total = parts.values().stream().mapToInt(c -> c[1]).sum();
            return (double) passed / total;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ColumnSuggester suggester;
    private final Map<String, int[]> parts = new LinkedHashMap<>();
    private final Map<String, Double> cases = new LinkedHashMap<>();
    private final List<String> misses = new ArrayList<>();
    private final int[] caseChecks = new int[2];

    private ColumnMappingScorer(ColumnSuggester suggester) {
        this.suggester = suggester;
    }

    public static Score score(Path cases, ColumnSuggester suggester) throws Exception {
        ColumnMappingScorer scorer = new ColumnMappingScorer(suggester);
        List.of("core", "existing", "new_imported", "new_key_type", "ignore")
                .forEach(p -> scorer.parts.put(p, new int[2]));
        try (Stream<Path> files = Files.list(cases)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                scorer.caseChecks[0] = 0;
                scorer.caseChecks[1] = 0;
                JsonNode testCase = scorer.json.readTree(file.toFile());
                scorer.scoreCase(testCase);
                scorer.cases.put(testCase.path("id").asText(), (double) scorer.caseChecks[0] / scorer.caseChecks[1]);
            }
        }
        return new Score(scorer.parts, scorer.cases, scorer.misses);
    }

    private void scoreCase(JsonNode testCase) throws Exception {
        String id = testCase.path("id").asText();
        SampledFile sample = SampledFile.read(new ByteArrayInputStream(
                testCase.path("csv").asText().getBytes(StandardCharsets.UTF_8)));
        Map<String, String> existing = new TreeMap<>();
        testCase.path("existing_properties")
                .forEach(p -> existing.put(p.path("key").asText(), p.path("type").asText()));
        Map<String, ColumnSuggestion> proposed = new LinkedHashMap<>();
        for (ColumnSuggestion suggestion : suggester.suggest(sample.header(), sample.rows(), existing, Map.of())) {
            proposed.put(suggestion.header(), suggestion);
        }
        JsonNode expected = testCase.path("expected");
        for (String slot : List.of("email", "first_name", "last_name")) {
            String want = expected.path(slot).isNull() ? null : expected.path(slot).asText();
            String got = proposed.values().stream().filter(s -> s.target().equals(slot)).map(ColumnSuggestion::header)
                    .findFirst().orElse(null);
            check("core", Objects.equals(want, got), id + ": " + slot + " should be " + want + ", got " + got);
        }
        Map<String, String> wantExisting = new LinkedHashMap<>();
        expected.path("existing").fields().forEachRemaining(e -> wantExisting.put(e.getKey(), e.getValue().asText()));
        wantExisting.forEach((header, key) -> {
            ColumnSuggestion got = proposed.get(header);
            check("existing", got != null && got.target().equals("existing_property") && key.equals(got.key()),
                    id + ": " + header + " should fill " + key + ", got " + describe(got));
        });
        proposed.values().stream().filter(s -> s.target().equals("existing_property"))
                .filter(s -> !wantExisting.containsKey(s.header()))
                .forEach(s -> check("existing", false, id + ": " + s.header() + " should not fill " + s.key()));
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("new").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ColumnSuggestion got = proposed.get(entry.getKey());
            boolean imported = got != null && got.target().equals("new_property");
            if (!entry.getValue().path("optional").asBoolean(false)) {
                check("new_imported", imported,
                        id + ": " + entry.getKey() + " should be a new property, got " + describe(got));
            }
            if (imported) {
                JsonNode want = entry.getValue();
                check("new_key_type", keyAccepted(want, got.key()), id + ": " + entry.getKey() + " key " + got.key()
                        + " (want " + want.path("key").asText() + ")");
                check("new_key_type", typeAccepted(want, got.type()), id + ": " + entry.getKey() + " type "
                        + got.type() + " (want " + want.path("type").asText() + ")");
            }
        }
        expected.path("ignore").forEach(header -> {
            ColumnSuggestion got = proposed.get(header.asText());
            check("ignore", got == null || got.target().equals("ignore"),
                    id + ": " + header.asText() + " should be left out, got " + describe(got));
        });
    }

    private static boolean keyAccepted(JsonNode want, String key) {
        String compact = key.replace("_", "");
        if (want.path("key").asText().replace("_", "").equals(compact)) {
            return true;
        }
        for (JsonNode alt : want.path("alt_keys")) {
            if (alt.asText().replace("_", "").equals(compact)) {
                return true;
            }
        }
        return false;
    }

    private static boolean typeAccepted(JsonNode want, String type) {
        if (want.path("type").asText().equals(type)) {
            return true;
        }
        for (JsonNode alt : want.path("alt_types")) {
            if (alt.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ColumnSuggestion got) {
        return got == null ? "nothing" : got.target() + (got.key() == null ? "" : " " + got.key() + ":" + got.type());
    }

    private void check(String part, boolean passed, String miss) {
        int[] counts = parts.get(part);
        counts[1]++;
        caseChecks[1]++;
        if (passed) {
            counts[0]++;
            caseChecks[0]++;
        } else {
            misses.add(miss);
        }
    }
}
