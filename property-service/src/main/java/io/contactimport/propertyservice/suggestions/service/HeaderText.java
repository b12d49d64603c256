package io.contactimport.propertyservice.suggestions.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
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

    /** Decorations of a header that name no part of its meaning: units, time zones, a question's frame. */
    private static final Pattern PARENTHESES = Pattern.compile(
            "\\((\\s*([$€£¥%#]|utc|gmt|[+-]?\\d+(:\\d+)?|timezone|time zone|yyyy|mm|dd|optional|required)[^)]*)\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION_FRAME = Pattern.compile("^(do you have any|do you have|do you|are you|"
            + "what is your|what s your|what are your|which|please enter your|please enter|enter your|your|marked as)"
            + " ");
    private static final Pattern DATE_AND_TIME = Pattern.compile(" date (and )?time$| date time$");
    private static final Pattern PARTICIPLE_END = Pattern.compile("(ed|en|un|ent|ought)$");

    /**
     * Class of failure: a header's meaning came out under a key that is not its own ("Work City" as {@code city},
     * "Language" as {@code preferred_locale}) or with its decorations in it ({@code last_activity_date_utc_0},
     * {@code do_you_have_any_dietary_restrictions}). The header as a key sees it: units and time zones in
     * parentheses and question frames dropped; "X date & time" said the short way ({@code start_time}, and
     * {@code event_created_at} when X ends in a participle).
     */
    static String keyWords(String header) {
        String text = undecorated(header).replace("&", " and ");
        text = normalise(text);
        text = QUESTION_FRAME.matcher(text).replaceFirst("");
        if (DATE_AND_TIME.matcher(text).find()) {
            String stem = DATE_AND_TIME.matcher(text).replaceFirst("");
            String last = stem.substring(stem.lastIndexOf(' ') + 1);
            text = stem + (PARTICIPLE_END.matcher(last).find() ? " at" : " time");
        }
        return text.replace(" and ", " ").strip();
    }

    /** The header without its units and time zones in parentheses: "Purchase Time (UTC timezone)" is a time. */
    static String undecorated(String header) {
        String text = PARENTHESES.matcher(header).replaceAll(" ");
        return text.isBlank() ? header : text;
    }

    /** A group's numbered field ("Address 1 - City", "Telephone 1 - Value"): the part that names the field. */
    private static final Pattern GROUP_FIELD = Pattern.compile("^.*\\d\\s*[-–:]\\s*(.+)$");

    /** The field a header names: for a numbered group's column, the part after the group ("City"). */
    static String field(String header) {
        Matcher group = GROUP_FIELD.matcher(header.strip());
        return group.matches() ? group.group(1) : header;
    }

    /** A snake_case property key for a header, or null when the header has nothing usable in ASCII. */
    static String snakeKey(String header) {
        String key = keyWords(header).replaceAll("[^a-z0-9 ]", "").strip().replaceAll(" +", "_");
        if (key.isEmpty() || Character.isDigit(key.charAt(0))) {
            return null;
        }
        return key.length() > 50 ? key.substring(0, 50).replaceAll("_+$", "") : key;
    }

    private static final Pattern PARTICIPLE = Pattern.compile("[a-z]{2,}ed|seen|done|sent|begun|written|taken|given");
    private static final java.util.Set<String> WHEN_WORDS = java.util.Set.of("date", "time", "at", "on", "day", "year");

    /**
     * Class of failure: a date column named by what happened came out as {@code started}, {@code completed} or
     * {@code closed_date}. Keys of instants say {@code started_at}: a participle alone takes {@code _at}, and so
     * does a participle before "date" or "time" when the values have a time of day ({@code deal_closed_at}).
     */
    static String instantKey(String key, boolean withTime) {
        String[] words = key.split("_");
        String last = words[words.length - 1];
        if (PARTICIPLE.matcher(last).matches() && java.util.Arrays.stream(words).noneMatch(WHEN_WORDS::contains)) {
            return standardInstant(key.substring(0, key.length() - last.length()) + last + "_at");
        }
        if (withTime && words.length >= 2 && (last.equals("date") || last.equals("time"))
                && PARTICIPLE.matcher(words[words.length - 2]).matches()) {
            return standardInstant(key.substring(0, key.length() - last.length()) + "at");
        }
        return key;
    }

    /** The usual spelling of a change's instant: {@code updated_at} for "modified", "edited", "changed". */
    private static String standardInstant(String key) {
        return key.replaceAll("(^|_)(modified|edited|changed|amended)_at$", "$1updated_at");
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
                        && !measuredBy(normalisedHeader, normalisedAlias)
                : normalisedHeader.endsWith(" " + normalisedAlias);
        return found ? 0.6 + 0.25 * normalisedAlias.length() / normalisedHeader.length() : 0;
    }

    /**
     * Class of failure: a header that measures or qualifies a thing was taken for the thing ("Promo Code Amount" as
     * the promo code, "Email Address Type" as the email). A run of words inside a header is not what the header
     * is when the header goes on to end in a word that names a measure or a kind of it.
     */
    private static final Pattern MEASURE = Pattern.compile(" (amount|price|total|count|fee|fees|cost|value|sum|"
            + "rate|score|level|percent|percentage|currency|status|type|kind|label|date|time|id)$");

    private static boolean measuredBy(String header, String alias) {
        int end = (" " + header + " ").lastIndexOf(" " + alias + " ") + alias.length();
        return end < header.length() && MEASURE.matcher(header).find() && !MEASURE.matcher(alias).find();
    }
}
