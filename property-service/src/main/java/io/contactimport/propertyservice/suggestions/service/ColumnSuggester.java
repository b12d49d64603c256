package io.contactimport.propertyservice.suggestions.service;

import io.contactimport.propertyservice.suggestions.service.Concepts.Concept;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Suggests what each column of a file is, from its header and its values: the core fields first (one column each),
 * then the team's existing properties (one column each), then new properties; empty columns and secrets are left
 * out. Headers are matched, normalised, against a multilingual dictionary ({@link Concepts}) and against the
 * existing keys; values decide where headers say nothing and guard against look-alikes ("Email consent" is yes/no,
 * not addresses). What the team confirmed before for the same header wins.
 */
public final class ColumnSuggester {

    private static final Pattern ID_LIKE = Pattern.compile("(^| )(id|code|zip|postcode|phone|tel|fax|number)( |$)");

    /** How a header is remembered: normalised, so {@code "E-Mail"} and {@code "email"} are one header. */
    public static String headerKey(String header) {
        return HeaderText.normalise(header);
    }

    /** How close in meaning two short texts are, from -1 to 1 (the embedding model; 0 when it has no opinion). */
    @FunctionalInterface
    public interface Similarity {
        double similarity(String a, String b);
    }

    /** Without semantic similarity (the dictionary, the values and spelling still decide). */
    public static final Similarity NONE = (a, b) -> 0;

    /** How similar in meaning a header must be to an existing key to fill it without any other sign. */
    static final double SEMANTIC_THRESHOLD = 0.6;

    private final Similarity semantic;

    public ColumnSuggester() {
        this(NONE);
    }

    public ColumnSuggester(Similarity semantic) {
        this.semantic = semantic;
    }

    /** A team's earlier confirmed choice for a header (normalised): a target and, for properties, key and type. */
    public record Remembered(String target, String key, String type) {
    }

    private record Match(Concept concept, double score, String alias) {
    }

    private record ExistingMatch(int column, String key, double score, String reason) {
    }

    /**
     * @param existing the team's properties, key → type
     * @param history  normalised header → the choice the team confirmed for it
     */
    public List<ColumnSuggestion> suggest(List<String> header, List<List<String>> rows, Map<String, String> existing,
                                          Map<String, Remembered> history) {
        int n = header.size();
        ColumnSuggestion[] result = new ColumnSuggestion[n];
        ValueProfile[] profiles = new ValueProfile[n];
        Match[] best = new Match[n];
        for (int i = 0; i < n; i++) {
            int column = i;
            profiles[i] = ValueProfile.of(rows.stream().map(row -> column < row.size() ? row.get(column) : "").toList());
            best[i] = bestConcept(header.get(i), profiles[i]);
        }
        Set<String> takenKeys = new HashSet<>();
        remembered(header, existing, history, result, takenKeys);
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            if (profiles[i].empty()) {
                result[i] = ColumnSuggestion.ignore(header.get(i), 0.9, "every sampled value is empty");
            } else if (best[i] != null && best[i].concept().role().equals("ignore")) {
                result[i] = ColumnSuggestion.ignore(header.get(i), 0.9, "looks like " + best[i].concept().key().replace('_', ' ')
                        + ", not contact data");
            } else if (HeaderText.normalise(header.get(i)).equals("id")) {
                result[i] = ColumnSuggestion.ignore(header.get(i), 0.6, "the source system's own id");
            }
        }
        coreFields(header, profiles, best, result);
        existingProperties(header, profiles, best, existing, result, takenKeys);
        newProperties(header, profiles, best, existing, result, takenKeys);
        return List.of(result);
    }

    private static void remembered(List<String> header, Map<String, String> existing, Map<String, Remembered> history,
                                   ColumnSuggestion[] result, Set<String> takenKeys) {
        Set<String> takenTargets = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            Remembered choice = history.get(HeaderText.normalise(header.get(i)));
            if (choice == null || choice.target().equals("existing_property") && !existing.containsKey(choice.key())) {
                continue;
            }
            String slot = choice.key() != null ? choice.key() : choice.target();
            if (!choice.target().equals("ignore") && !takenTargets.add(slot)) {
                continue;
            }
            if (choice.key() != null) {
                takenKeys.add(choice.key());
            }
            result[i] = new ColumnSuggestion(header.get(i), choice.target(), choice.key(), choice.type(), 0.99,
                    "your team chose this for the same header before");
        }
    }

    private static Match bestConcept(String header, ValueProfile profile) {
        String normalised = HeaderText.normalise(header);
        if (HeaderText.meaningless(header)) {
            return byValues(profile);
        }
        String snake = HeaderText.snakeKey(header);
        Match best = null;
        for (Concept concept : Concepts.ALL) {
            double score = 0;
            String matched = null;
            for (String alias : concept.aliases()) {
                double s = HeaderText.match(normalised, alias);
                if (s > score) {
                    score = s;
                    matched = alias;
                }
            }
            if (score == 0 || !profile.fits(concept.values())) {
                continue;
            }
            if (!concept.values().equals("any") && !concept.values().equals("name") && !profile.empty()) {
                score += 0.05;
            }
            if (concept.key().equals("subscription_status") && profile.statuses() >= 0.6) {
                score += 0.1;
            }
            if (concept.key().equals(snake)) {
                score += 0.01;
            }

            if (best == null || score > best.score()) {
                best = new Match(concept, score, matched);
            }
        }
        return best;
    }

    /** A header that says nothing: what the values are, if they are clearly one thing. */
    private static Match byValues(ValueProfile profile) {
        if (profile.emails() >= 0.8) {
            return new Match(Concepts.byKey("email"), 0.9, null);
        }
        if (profile.phones() >= 0.8 && profile.dates() < 0.5) {
            return new Match(Concepts.byKey("phone"), 0.8, null);
        }
        if (profile.addresses() >= 0.5) {
            return new Match(Concepts.byKey("address"), 0.7, null);
        }
        if (profile.urls() >= 0.8) {
            return new Match(Concepts.byKey("website"), 0.7, null);
        }
        return null;
    }

    private static void coreFields(List<String> header, ValueProfile[] profiles, Match[] best,
                                   ColumnSuggestion[] result) {
        for (String role : List.of("email", "first_name", "last_name", "unsubscribed")) {
            if (taken(result, role)) {
                continue;
            }
            int column = bestForRole(role, profiles, best, result);
            if (column >= 0) {
                result[column] = core(header.get(column), role, best[column]);
            }
        }
        if (!taken(result, "email")) {
            for (int i = 0; i < header.size(); i++) {
                if (result[i] == null && profiles[i].emails() >= 0.8) {
                    result[i] = new ColumnSuggestion(header.get(i), "email", null, null, 0.75,
                            "the values are email addresses");
                    break;
                }
            }
        }
        namesByValues(header, profiles, best, result);
        if (!taken(result, "first_name")) {
            int fullName = bestForRole("full_name", profiles, best, result);
            if (fullName >= 0) {
                result[fullName] = new ColumnSuggestion(header.get(fullName), "first_name", null, null, 0.8,
                        "a full name, and the file has no separate first-name column");
            }
        }
    }

    /** Headers that say nothing: the column of person names with the most common given names is the first name. */
    private static void namesByValues(List<String> header, ValueProfile[] profiles, Match[] best,
                                      ColumnSuggestion[] result) {
        if (taken(result, "first_name")) {
            return;
        }
        List<Integer> nameColumns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (result[i] == null && best[i] == null && HeaderText.meaningless(header.get(i))
                    && profiles[i].personNames() >= 0.8 && profiles[i].numbers() == 0) {
                nameColumns.add(i);
            }
        }
        if (nameColumns.isEmpty()) {
            return;
        }
        int first = nameColumns.stream().max(Comparator.comparingDouble(i -> profiles[i].firstNames())).orElseThrow();
        result[first] = new ColumnSuggestion(header.get(first), "first_name", null, null, 0.7,
                "the values are given names");
        if (!taken(result, "last_name") && nameColumns.contains(first + 1)) {
            result[first + 1] = new ColumnSuggestion(header.get(first + 1), "last_name", null, null, 0.65,
                    "person names next to the given names");
        }
    }

    private static int bestForRole(String role, ValueProfile[] profiles, Match[] best, ColumnSuggestion[] result) {
        int column = -1;
        for (int i = 0; i < best.length; i++) {
            if (result[i] == null && best[i] != null && best[i].concept().role().equals(role)
                    && profiles[i].fits(best[i].concept().values())
                    && (column < 0 || best[i].score() > best[column].score())) {
                column = i;
            }
        }
        return column;
    }

    private static ColumnSuggestion core(String header, String role, Match match) {
        String reason = match.alias() == null ? "the values are " + (role.equals("email") ? "email addresses" : "names")
                : "the header means " + role.replace('_', ' ') + " (\"" + match.alias() + "\")";
        return new ColumnSuggestion(header, role, null, null, Math.min(0.98, 0.6 + match.score() * 0.35), reason);
    }

    private static boolean taken(ColumnSuggestion[] result, String target) {
        for (ColumnSuggestion suggestion : result) {
            if (suggestion != null && suggestion.target().equals(target)) {
                return true;
            }
        }
        return false;
    }

    private void existingProperties(List<String> header, ValueProfile[] profiles, Match[] best,
                                           Map<String, String> existing, ColumnSuggestion[] result,
                                           Set<String> takenKeys) {
        List<ExistingMatch> matches = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (result[i] != null) {
                continue;
            }
            String compact = HeaderText.compact(header.get(i));
            for (Map.Entry<String, String> property : existing.entrySet()) {
                if (!fitsType(property.getValue(), profiles[i])) {
                    continue;
                }
                String key = property.getKey();
                if (compact.equals(HeaderText.compact(key))) {
                    matches.add(new ExistingMatch(i, key, 2.0, "the same name as your property `" + key + "`"));
                } else if (best[i] != null && !best[i].concept().core()
                        && (best[i].concept().key().equals(key) || best[i].concept().relatedKeys().contains(key))) {
                    matches.add(new ExistingMatch(i, key, best[i].score() + (best[i].concept().key().equals(key) ? 0.5 : 0),
                            "means the same as your property `" + key + "`"));
                } else if (compact.length() >= 5 && similarity(compact, HeaderText.compact(key)) >= 0.9) {
                    matches.add(new ExistingMatch(i, key, 0.5, "a name close to your property `" + key + "`"));
                } else if (best[i] == null || best[i].concept().core()) {
                    double meaning = semantic.similarity(HeaderText.normalise(header.get(i)), key.replace('_', ' '));
                    if (meaning >= SEMANTIC_THRESHOLD) {
                        matches.add(new ExistingMatch(i, key, meaning * 0.5,
                                "close in meaning to your property `" + key + "`"));
                    }
                }
            }
        }
        matches.sort(Comparator.comparingDouble(ExistingMatch::score).reversed());
        for (ExistingMatch match : matches) {
            if (result[match.column()] != null || takenKeys.contains(match.key())) {
                continue;
            }
            takenKeys.add(match.key());
            result[match.column()] = new ColumnSuggestion(header.get(match.column()), "existing_property", match.key(),
                    existing.get(match.key()), Math.min(0.97, 0.55 + match.score() * 0.25), match.reason());
        }
    }

    private static void newProperties(List<String> header, ValueProfile[] profiles, Match[] best,
                                      Map<String, String> existing, ColumnSuggestion[] result, Set<String> takenKeys) {
        for (int i = 0; i < header.size(); i++) {
            if (result[i] != null) {
                continue;
            }
            Concept concept = best[i] == null ? null : best[i].concept();
            boolean named = concept != null && (!concept.core() || concept.role().equals("full_name"));
            String key = named ? concept.key() : HeaderText.snakeKey(header.get(i));
            if (key == null || takenKeys.contains(key) || existing.containsKey(key)) {
                key = HeaderText.snakeKey(header.get(i));
            }
            if (key == null || takenKeys.contains(key) || existing.containsKey(key)) {
                key = "column_" + (i + 1);
            }
            takenKeys.add(key);
            String type = type(concept, profiles[i], header.get(i));
            String reason = concept != null
                    ? "a new property for " + concept.key().replace('_', ' ') + " (\"" + best[i].alias() + "\")"
                    : "a new property; the values are " + describe(type);
            if (type.equals("string") && profiles[i].localDates() >= 0.6) {
                reason += "; the dates are day/month ordered, which is ambiguous, so they are kept as text";
            }
            double confidence = concept != null ? 0.5 + Math.min(0.4, best[i].score() * 0.35) : 0.5;
            result[i] = new ColumnSuggestion(header.get(i), "new_property", key, type, confidence, reason);
        }
    }

    private static String type(Concept concept, ValueProfile profile, String header) {
        String fromValues = profile.type();
        if (concept == null || concept.core()) {
            return ID_LIKE.matcher(HeaderText.normalise(header)).find() ? "string" : fromValues;
        }
        return switch (concept.type()) {
            case "string" -> "string";
            case "number" -> profile.empty() || profile.numbers() >= 0.8 ? "number" : fromValues;
            case "boolean" -> profile.empty() || profile.booleans() >= 0.8 ? "boolean" : fromValues;
            case "date" -> profile.empty() || profile.dates() >= 0.6 ? "date" : fromValues;
            default -> fromValues;
        };
    }

    private static String describe(String type) {
        return switch (type) {
            case "boolean" -> "yes/no values";
            case "number" -> "numbers";
            case "date" -> "dates";
            default -> "text";
        };
    }

    private static boolean fitsType(String type, ValueProfile profile) {
        return switch (type) {
            case "number" -> profile.empty() || profile.numbers() >= 0.8;
            case "boolean" -> profile.empty() || profile.booleans() >= 0.8;
            case "date" -> profile.empty() || profile.dates() >= 0.6;
            default -> true;
        };
    }

    /** Jaro-Winkler similarity of two compact strings. */
    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1;
        }
        int range = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
        boolean[] aMatched = new boolean[a.length()];
        boolean[] bMatched = new boolean[b.length()];
        int matches = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = Math.max(0, i - range); j < Math.min(b.length(), i + range + 1); j++) {
                if (!bMatched[j] && a.charAt(i) == b.charAt(j)) {
                    aMatched[i] = true;
                    bMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        for (int i = 0, j = 0; i < a.length(); i++) {
            if (aMatched[i]) {
                while (!bMatched[j]) {
                    j++;
                }
                if (a.charAt(i) != b.charAt(j)) {
                    transpositions++;
                }
                j++;
            }
        }
        double m = matches;
        double jaro = (m / a.length() + m / b.length() + (m - transpositions / 2.0) / m) / 3;
        int prefix = 0;
        while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
