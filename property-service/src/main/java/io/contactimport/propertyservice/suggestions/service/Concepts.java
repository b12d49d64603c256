package io.contactimport.propertyservice.suggestions.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The dictionary of what a column can mean ({@code suggestions/concepts.txt}), loaded once. */
final class Concepts {

    /** One meaning: its property key and type, its role, what its values look like, and how headers name it. */
    record Concept(String key, String type, String role, String values, List<String> relatedKeys,
                   List<String> aliases) {

        boolean core() {
            return !role.equals("property") && !role.equals("ignore");
        }
    }

    static final List<Concept> ALL = load();

    private Concepts() {
    }

    static Concept byKey(String key) {
        return ALL.stream().filter(concept -> concept.key().equals(key)).findFirst().orElseThrow();
    }

    private static List<Concept> load() {
        try (InputStream in = Concepts.class.getResourceAsStream("/suggestions/concepts.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Concept> concepts = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|", -1);
                concepts.add(new Concept(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3].strip(),
                        list(fields[4]), list(fields[5]).stream().map(HeaderText::normalise).toList()));
            }
            return List.copyOf(concepts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
