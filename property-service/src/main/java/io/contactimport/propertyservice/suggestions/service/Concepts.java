package io.contactimport.propertyservice.suggestions.service;

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
        List<Concept> concepts = new ArrayList<>();
        for (String[] fields : WordLists.entries("/suggestions/concepts.txt", -1)) {
            concepts.add(new Concept(fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3].strip(),
                    list(fields[4]), list(fields[5]).stream().map(HeaderText::normalise).toList()));
        }
        return List.copyOf(concepts);
    }

    private static List<String> list(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
