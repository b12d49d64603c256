package io.contactimport.propertyservice.suggestions.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists of the suggestions ({@code concepts.txt}, {@code lexicon.txt}): lines of fields split by {@code |},
 * and {@code #} comments.
 */
final class WordLists {

    private WordLists() {
    }

    /** The fields of each line that is not blank or a comment; {@code fields} at most (the last keeps the rest). */
    static List<String[]> entries(String resource, int fields) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> entries = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(line.split("\\|", fields));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
