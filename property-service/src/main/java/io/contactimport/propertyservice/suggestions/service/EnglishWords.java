package io.contactimport.propertyservice.suggestions.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Whether a header is written in English words: the vocabulary of the embedding model's tokenizer (30,522 English
 * word pieces, shipped in its jar) read as a word list. A word it holds whole is taken for English; "pedidos",
 * "naissance" or "startzeit" are not in it. Without the model's jar on the class path every header counts as English.
 */
final class EnglishWords {

    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";
    private static final Set<String> WORDS = load();

    private EnglishWords() {
    }

    /** True when every word of four letters or more (singular or plural) is an English word. */
    static boolean english(String normalisedHeader) {
        if (WORDS.isEmpty()) {
            return true;
        }
        for (String word : normalisedHeader.split(" ")) {
            if (word.length() >= 4 && !word.chars().allMatch(Character::isDigit) && !WORDS.contains(word)
                    && !(word.endsWith("s") && WORDS.contains(word.substring(0, word.length() - 1)))) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> load() {
        try (InputStream in = EnglishWords.class.getResourceAsStream(TOKENIZER)) {
            if (in == null) {
                return Set.of();
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            Set<String> words = new HashSet<>();
            for (Iterator<String> tokens = vocab.fieldNames(); tokens.hasNext(); ) {
                String token = tokens.next();
                if (!token.startsWith("##") && !token.startsWith("[") && token.chars().allMatch(Character::isLetter)) {
                    words.add(token);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            return Set.of();
        }
    }
}
