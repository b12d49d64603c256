package io.contactimport.propertyservice.suggestions.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Header text as matching sees it: case, accents, separators and camelCase humps do not matter. */
final class HeaderText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern CAMEL = Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
    private static final Pattern MEANINGLESS = Pattern.compile("(col|column|field|campo|champ|spalte|colonna|feld)\\s?\\d+|\\d+|");

    /** Whether an alias is CJK text, decided once per alias. */
    private static final Map<String, Boolean> CJK_CACHE = new ConcurrentHashMap<>();

    private HeaderText() {
    }

    /** {@code "DATE_DE_NAISSANCE"} → {@code "date de naissance"}; {@code "名前(姓)"} → {@code "名前 姓"}. */
    static String normalise(String header) {
        String text = header.replace("\uFEFF", "").strip();
        text = CAMEL.matcher(text).replaceAll(" ");
        text = Normalizer.normalize(text, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return SEPARATORS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The words without separators, for comparing with a property key: {@code "Zip Code"} = {@code zip_code}. */
    static String compact(String text) {
        return normalise(text).replace(" ", "");
    }

    /** A snake_case property key for a header, or null when the header has nothing usable in ASCII. */
    static String snakeKey(String header) {
        String key = normalise(header).replaceAll("[^a-z0-9 ]", "").strip().replace(' ', '_');
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            return null;
        }
        return key.length() > 50 ? key.substring(0, 50).replaceAll("_+$", "") : key;
    }

    static boolean hasCjk(String text) {
        return CJK.matcher(text).find();
    }

    /** Headers that say nothing ({@code col3}, {@code Field 7}, empty): only the values can tell. */
    static boolean meaningless(String header) {
        return MEANINGLESS.matcher(normalise(header)).matches();
    }

    /**
     * How well an alias names a header: 1 when it is the whole header; less when it is a run of its words, its last
     * word, or (in CJK text) a part of it; 0 otherwise.
     */
    static double match(String normalisedHeader, String normalisedAlias) {
        if (normalisedHeader.equals(normalisedAlias)) {
            return 1.0;
        }
        if (CJK_CACHE.computeIfAbsent(normalisedAlias, HeaderText::hasCjk)) {
            return normalisedHeader.contains(normalisedAlias) ? 0.8 : 0;
        }
        if (normalisedAlias.replace(" ", "").length() < 4) {
            return 0;
        }
        // One word inside a longer header counts only as its last word, the head of a compound ("app metadata
        // plan" is a plan; "first visit" is not a first name); a run of several words counts anywhere.
        boolean found = normalisedAlias.contains(" ")
                ? (" " + normalisedHeader + " ").contains(" " + normalisedAlias + " ")
                : normalisedHeader.endsWith(" " + normalisedAlias);
        return found ? 0.6 + 0.25 * normalisedAlias.length() / normalisedHeader.length() : 0;
    }
}
