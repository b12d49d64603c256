package io.contactimport.propertyservice.suggestions.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Class of failure: a header in another language than English came out as a positional key ({@code column_31}), a
 * transliteration ({@code date_de_naissance}) or not at all, and filled none of the team's properties. This reads it
 * word by word through a lexicon of contact and CRM words ({@code suggestions/lexicon.txt}: Spanish, Portuguese,
 * French, Italian, German, Dutch, Russian, Japanese, Korean, Chinese) into English words, in English order: the
 * languages that put the head noun first ("Date de naissance", "Дата создания сделки") are turned around ("birth
 * date", "deal created date"). Words it does not know are left out; a header with no known word has no gloss.
 */
final class Gloss {

    /**
     * One entry: the English words; whether they qualify the next word ({@code work+}) or the one before it
     * ({@code ~reading}, as Japanese puts よみ before the name it is the reading of); and the foreign form.
     */
    private record Entry(String english, boolean modifier, boolean after, String form, boolean stem, boolean cjk) {
    }

    private static final Pattern CJK_OR_HANGUL = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}"
            + "\\p{IsHangul}]");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    /** Little words of the head-first languages that join a noun to what qualifies it ("date de naissance"). */
    private static final Set<String> ROMANCE_JOINERS = Set.of("de", "du", "des", "la", "le", "les", "el", "los",
            "las", "da", "do", "das", "dos", "di", "del", "della", "dello", "degli", "delle", "au", "aux", "no", "na",
            "em", "en", "a", "al");
    private static final Set<String> JOINERS = Set.of("de", "du", "des", "la", "le", "les", "l", "d", "el", "los",
            "las", "da", "do", "das", "dos", "di", "del", "della", "dello", "degli", "delle", "au", "aux", "no", "na",
            "em", "en", "a", "al", "y", "e", "et", "und", "ed", "o", "ou", "oder", "of", "the", "van", "von",
            "der", "die", "den", "dem", "am", "im", "um", "het", "een", "ein", "eine", "fur", "voor", "pour", "para", "per", "por",
            "sur", "mit", "avec", "con", "com", "и", "в", "на", "за", "по", "для", "с", "от", "у", "к", "ihr",
            "ihre", "ihren", "ihrem", "sie", "votre", "vos", "tu", "tus", "su", "sus", "seu", "sua", "hat", "haben",
            "wie", "viele", "est", "es", "ist");
    private static final List<Entry> ENTRIES = load();

    private Gloss() {
    }

    /** The header in English words, or empty when it is English already or has no word the lexicon knows. */
    static Optional<String> of(String header) {
        String text = HeaderText.normalise(header);
        if (text.isEmpty() || !CJK_OR_HANGUL.matcher(text).find() && !CYRILLIC.matcher(text).find()
                && !hasForeignWord(text)) {
            return Optional.empty();
        }
        return read(header);
    }

    /**
     * The header read as another language's even when each of its words is also an English one ("Raison sociale",
     * "Code promo"): for a file whose other headers are in that language.
     */
    static Optional<String> read(String header) {
        String text = HeaderText.normalise(header);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        List<Entry> units = CJK_OR_HANGUL.matcher(text).find() ? cjkUnits(text) : wordUnits(text);
        if (units.isEmpty()) {
            return Optional.empty();
        }
        boolean headFirst = CYRILLIC.matcher(text).find()
                || !CJK_OR_HANGUL.matcher(text).find() && units.size() > 1 && !looksGerman(header)
                || List.of(text.split(" ")).stream().anyMatch(ROMANCE_JOINERS::contains);
        List<String> phrases = phrases(units);
        if (headFirst) {
            java.util.Collections.reverse(phrases);
        }
        return Optional.of(String.join(" ", phrases));
    }

    /** A word the lexicon knows as another language's and that is not an English word ("montant", "naissance"). */
    private static boolean hasForeignWord(String text) {
        for (String word : text.split(" ")) {
            if (word.length() >= 3 && !EnglishWords.english(word)) {
                for (Entry entry : ENTRIES) {
                    if (!entry.cjk() && (entry.stem() ? word.startsWith(entry.form()) : word.equals(entry.form()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Modifiers stay with the word they qualify ("work phone"), as one phrase. */
    private static List<String> phrases(List<Entry> units) {
        List<String> phrases = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        String after = null;
        for (Entry unit : units) {
            if (unit.after()) {
                after = unit.english();
                continue;
            }
            pending.append(pending.isEmpty() ? "" : " ").append(unit.english());
            if (!unit.modifier()) {
                phrases.add(pending + (after == null ? "" : " " + after));
                pending.setLength(0);
                after = null;
            }
        }
        if (!pending.isEmpty() || after != null) {
            phrases.add((pending + (after == null ? "" : " " + after)).strip());
        }
        return phrases;
    }

    /** Plurals of the Romance languages and of German: -s, -es, -oes ("conversoes" of "conversao"), -en. */
    private static boolean plural(String word, String form) {
        return word.equals(form + "s") || word.equals(form + "es") || word.equals(form + "en")
                || form.endsWith("ao") && word.equals(form.substring(0, form.length() - 2) + "oes");
    }

    private static boolean looksGerman(String header) {
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        return lower.matches(".*[äöüß].*") || lower.matches(".*(ung|heit|keit|zeit|datum|sch)(\\b|$).*");
    }

    /** Words, longest known form first: several words ("nom de famille"), a whole word, a word's known stem. */
    private static List<Entry> wordUnits(String text) {
        String[] words = text.split(" ");
        List<Entry> units = new ArrayList<>();
        int i = 0;
        while (i < words.length) {
            Entry found = null;
            int length = 0;
            for (int n = Math.min(4, words.length - i); n >= 1 && found == null; n--) {
                String phrase = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n));
                for (Entry entry : ENTRIES) {
                    if (!entry.cjk() && (entry.stem() ? n == 1 && phrase.startsWith(entry.form())
                            : phrase.equals(entry.form()) || n == 1 && plural(phrase, entry.form()))) {
                        found = entry;
                        length = n;
                        break;
                    }
                }
            }
            if (found != null) {
                units.add(found);
                i += length;
                continue;
            }
            String word = words[i];
            if (!JOINERS.contains(word) && word.length() > 1 && EnglishWords.english(word) && word.matches("[a-z0-9]+")
                    && word.length() >= 4) {
                units.add(new Entry(word, false, false, word, false, false));
            }
            i++;
        }
        return units;
    }

    /**
     * Text without spaces between words: the longest known form at each place, left to right. A Latin word in it
     * ("TEL部門") is read as a word, and is what the CJK words after it qualify (the department's phone); digits
     * stay ("展示会2024").
     */
    private static List<Entry> cjkUnits(String text) {
        String compact = text.replace(" ", "");
        List<Entry> units = new ArrayList<>();
        Entry latinHead = null;
        int i = 0;
        while (i < compact.length()) {
            char c = compact.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                int end = i;
                while (end < compact.length() && compact.charAt(end) < 128
                        && Character.isLetterOrDigit(compact.charAt(end))) {
                    end++;
                }
                String word = compact.substring(i, end);
                List<Entry> read = wordUnits(word);
                Entry unit = !read.isEmpty() ? read.get(0)
                        : word.chars().allMatch(Character::isDigit) ? new Entry(word, false, false, word, false, false)
                        : null;
                if (unit != null && units.isEmpty() && latinHead == null && !word.chars().allMatch(Character::isDigit)) {
                    latinHead = unit;
                } else if (unit != null) {
                    units.add(unit);
                }
                i = end;
                continue;
            }
            Entry found = null;
            for (Entry entry : ENTRIES) {
                if (entry.cjk() && compact.startsWith(entry.form(), i)
                        && (found == null || entry.form().length() > found.form().length())) {
                    found = entry;
                }
            }
            if (found != null) {
                units.add(found);
                i += found.form().length();
            } else {
                i++;
            }
        }
        if (latinHead != null) {
            units.add(latinHead);
        }
        return units;
    }

    private static List<Entry> load() {
        List<Entry> entries = new ArrayList<>();
        for (String[] fields : WordLists.entries("/suggestions/lexicon.txt", 2)) {
            String english = fields[0].strip();
            boolean modifier = english.endsWith("+");
            boolean after = english.startsWith("~");
            english = english.replace("+", "").replace("~", "").strip();
            for (String raw : fields[1].split(",")) {
                String form = raw.strip();
                if (form.isEmpty()) {
                    continue;
                }
                boolean stem = form.endsWith("*");
                String normalised = HeaderText.normalise(stem ? form.substring(0, form.length() - 1) : form);
                entries.add(new Entry(english, modifier, after, normalised, stem,
                        CJK_OR_HANGUL.matcher(normalised).find()));
            }
        }
        // Longer forms first, so that "nom de famille" wins over "nom".
        entries.sort(Comparator.comparingInt((Entry e) -> -e.form().length()));
        return List.copyOf(entries);
    }
}
