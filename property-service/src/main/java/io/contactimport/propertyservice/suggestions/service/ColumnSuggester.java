package io.contactimport.propertyservice.suggestions.service;

import io.contactimport.propertyservice.suggestions.service.Concepts.Concept;
import io.contactimport.contracts.imports.DateOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Suggests what each column of a file is, from its header and its values: the core fields first (one column each),
 * then the team's existing properties (one column each), then new properties; empty columns and secrets are left
 * out. Headers are matched, normalised, against a multilingual dictionary ({@link Concepts}) and against the
 * existing keys; values decide where headers say nothing and guard against look-alikes ("Email consent" is yes/no,
 * not addresses). What the team confirmed before for the same header wins.
 */
public final class ColumnSuggester {

    /** A header whose head names an identifier: its digits are text ("Order Reference", "Zip Code", "Phone"). */
    private static final Pattern ID_LIKE = Pattern.compile(
            "(^| )(id|code|zip|postcode|phone|tel|fax|number|reference|ref)$");

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
        // What each header says in English words: the header, or its gloss when it is in another language.
        List<String> english = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int column = i;
            profiles[i] = ValueProfile.of(
                    rows.stream().map(row -> column < row.size() ? row.get(column) : "").toList());
            english.add(Gloss.of(header.get(i)).orElse(header.get(i)));
        }
        readInTheFilesLanguage(header, profiles, english);
        for (int i = 0; i < n; i++) {
            Match own = conceptOf(header.get(i), profiles[i]);
            Match glossed = english.get(i).equals(header.get(i)) ? null : conceptOf(english.get(i), profiles[i]);
            // The dictionary's own match of the header wins when it is exact; else the better of the two. A part of
            // a glossed header is not matched in its own words: in French or Russian the last word is no head.
            if (own != null && own.score() < 1 && !english.get(i).equals(header.get(i))
                    && !HeaderText.hasCjk(header.get(i))) {
                own = null;
            }
            best[i] = glossed != null && (own == null || own.score() < 1 && glossed.score() > own.score())
                    ? glossed : own;
        }
        DateOrder fileOrder = dateOrderOfTheFile(profiles);
        for (int i = 0; i < n; i++) {
            profiles[i] = profiles[i].inOrder(fileOrder);
        }
        Set<String> takenKeys = new HashSet<>();
        remembered(header, existing, history, result, takenKeys);
        for (int i = 0; i < n; i++) {
            if (result[i] != null) {
                continue;
            }
            if (profiles[i].empty()) {
                result[i] = ColumnSuggestion.ignore(header.get(i), 0.9, "every sampled value is empty");
            } else if (profiles[i].constant() != null) {
                // Class of failure: a column with one value in every sampled row (a flag never set, the exporting
                // account's store or list id, a form's fixed answer) was imported onto every contact, though it
                // tells none of them apart.
                result[i] = ColumnSuggestion.ignore(header.get(i), 0.75, "the same value (\"" + shortened(
                        profiles[i].constant()) + "\") in every sampled row: it says nothing about the person");
            } else if (best[i] != null && best[i].concept().role().equals("ignore")) {
                result[i] = ColumnSuggestion.ignore(header.get(i), 0.9, "looks like "
                        + best[i].concept().key().replace('_', ' ')
                        + ", not contact data");
            } else {
                String internal = exporterInternal(header, i, best[i], profiles[i]);
                if (internal != null) {
                    result[i] = ColumnSuggestion.ignore(header.get(i), 0.7, internal);
                }
            }
        }
        coreFields(header, profiles, best, result);
        existingProperties(header, english, profiles, best, existing, result, takenKeys);
        newProperties(header, english, profiles, best, existing, result, takenKeys);
        for (int i = 0; i < n; i++) {
            result[i] = result[i].withDateOrder(profiles[i].dateOrder());
        }
        return List.of(result);
    }

    /**
     * Class of failure: in a file whose headers are in another language, a header whose words are English words too
     * ("Raison sociale", "Code promo", "Nom participant") was read as English, and its family name as a full name
     * ("Nom payeur" beside "Prénom payeur"; "Name" beside "Vorname"). In such a file a header is read in the file's
     * language when that reading is one the dictionary knows exactly and the English one is not; and a bare name
     * beside a given name of the same person (the same other words) is the family name.
     */
    private void readInTheFilesLanguage(List<String> header, ValueProfile[] profiles, List<String> english) {
        int glossed = 0;
        int worded = 0;
        for (int i = 0; i < header.size(); i++) {
            worded += HeaderText.meaningless(header.get(i)) ? 0 : 1;
            glossed += english.get(i).equals(header.get(i)) ? 0 : 1;
        }
        if (glossed < 2 || glossed * 3 < worded) {
            return;
        }
        List<String> read = new ArrayList<>(english);
        for (int i = 0; i < header.size(); i++) {
            if (!english.get(i).equals(header.get(i))) {
                continue;
            }
            read.set(i, Gloss.read(header.get(i)).orElse(header.get(i)));
            Match asRead = conceptOf(read.get(i), profiles[i]);
            Match asEnglish = conceptOf(header.get(i), profiles[i]);
            if (asRead != null && asRead.score() >= 1 && (asEnglish == null || asEnglish.score() < 1)) {
                english.set(i, read.get(i));
            }
        }
        for (int i = 0; i < header.size(); i++) {
            String text = " " + HeaderText.normalise(read.get(i)) + " ";
            if (!text.contains(" name ") || text.contains(" first name ") || text.contains(" last name ")) {
                continue;
            }
            String others = text.replace(" name ", " ").strip();
            for (int j = 0; j < header.size(); j++) {
                String given = " " + HeaderText.normalise(english.get(j)) + " ";
                if (j != i && given.contains(" first name ")
                        && given.replace(" first name ", " ").strip().equals(others)) {
                    english.set(i, text.replace(" name ", " last name ").strip());
                }
            }
        }
    }

    /**
     * Class of failure: day/month dates that no value of their own column decides ({@code 03/04/2025}) were kept
     * as text, though an export writes all its dates one way. The order the file's other date columns show, when
     * they show one.
     */
    private static DateOrder dateOrderOfTheFile(ValueProfile[] profiles) {
        Set<DateOrder> orders = new HashSet<>();
        for (ValueProfile profile : profiles) {
            if (profile.dateOrder() != null && profile.dates() >= 0.6) {
                orders.add(profile.dateOrder());
            }
        }
        return orders.size() == 1 ? orders.iterator().next() : null;
    }

    /**
     * Class of failure: columns that describe the exporting system rather than the person were imported as
     * properties: its record ids and references ("User ID", "Event UUID", "Order Reference"), its audit trail
     * ("Created By"), its secrets (passwords, their hashes and salts, tokens, license keys: by the header, or by
     * the values when there is none), the qualifiers of a neighbouring column ("Phone Type", "Address 1 - Type") and
     * the text of a numbered question whose answer is the next column. The policy reads the header's form, not its
     * words: an id of a network the person has (a concept such as Skype or QQ) is kept.
     */
    private static final Pattern RECORD_ID = Pattern.compile("(^| )(id|uuid|guid|hash|reference|ref|record id)$");
    private static final Pattern AUDIT = Pattern.compile("(^| )(created|modified|updated|edited|deleted) by$");
    private static final Pattern QUALIFIER = Pattern.compile("^(.+) (type|label|kind)$");
    private static final Pattern SECRET = Pattern.compile(
            "(^| )(password|passwd|pwd|pass|hash|salt|token|secret|digest|hasher|license key|api key|otp|totp)( |$)");
    private static final Pattern QUESTION = Pattern.compile("^(question|frage|pregunta|question) (\\d+)$");

    /** Why a column describes the exporting system, or null when it may describe the person. */
    private static String exporterInternal(List<String> header, int column, Match match, ValueProfile profile) {
        String text = HeaderText.normalise(header.get(column));
        boolean personConcept = match != null && match.score() >= 1.0 && !match.concept().role().equals("ignore");
        if (RECORD_ID.matcher(text).find() && !personConcept) {
            return "an id or reference of the source system's records, not contact data";
        }
        if (SECRET.matcher(text).find()
                || HeaderText.meaningless(header.get(column)) && profile.secrets() >= 0.8) {
            return "a password, hash or key: a secret, never imported";
        }
        if (AUDIT.matcher(text).find()) {
            return "who changed the record in the source system, not contact data";
        }
        Matcher qualifier = QUALIFIER.matcher(text);
        if (qualifier.matches()) {
            String stem = qualifier.group(1);
            for (int i = 0; i < header.size(); i++) {
                String other = HeaderText.normalise(header.get(i));
                if (i != column && other.startsWith(stem) && !QUALIFIER.matcher(other).matches()) {
                    return "says what kind of " + stem + " a neighbouring column holds";
                }
            }
        }
        Matcher question = QUESTION.matcher(text);
        if (question.matches() && header.stream().map(HeaderText::normalise)
                .anyMatch(h -> h.matches("(response|answer|antwort|respuesta|reponse) " + question.group(2)))) {
            return "the text of a question whose answer is the next column";
        }
        return null;
    }

    private static String shortened(String value) {
        return value.length() <= 24 ? value : value.substring(0, 21) + "…";
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

    /**
     * Class of failure: the columns of a numbered group ("Address 1 - Zip", "Address 1 - State/Region") took the
     * group's meaning (address line 1). What a group's column is, is what its field says; the whole header only
     * when the field says nothing ("Telephone 1 - Value").
     */
    private static Match conceptOf(String header, ValueProfile profile) {
        String field = HeaderText.field(header);
        Match ofField = field.equals(header) ? null : bestConcept(field, profile);
        return ofField != null ? ofField : bestConcept(header, profile);
    }

    private static Match bestConcept(String header, ValueProfile profile) {
        String normalised = HeaderText.normalise(HeaderText.undecorated(header));
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
        if (profile.genders() >= 0.8) {
            return new Match(Concepts.byKey("gender"), 0.7, null);
        }
        return null;
    }

    private static void coreFields(List<String> header, ValueProfile[] profiles, Match[] best,
                                   ColumnSuggestion[] result) {
        for (String role : List.of("email", "first_name", "last_name", "unsubscribed")) {
            if (taken(result, role)) {
                continue;
            }
            int column = bestForRole(role, header, profiles, best, result);
            if (column >= 0) {
                result[column] = core(header.get(column), role, best[column]);
            }
        }
        if (!taken(result, "email")) {
            for (int i = 0; i < header.size(); i++) {
                if (result[i] == null && profiles[i].emails() >= 0.8 && whose(header.get(i)) > 0) {
                    result[i] = new ColumnSuggestion(header.get(i), "email", null, null, 0.75,
                            "the values are email addresses");
                    break;
                }
            }
        }
        namesByValues(header, profiles, best, result);
        if (!taken(result, "first_name")) {
            int fullName = bestForRole("full_name", header, profiles, best, result);
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

    /**
     * Class of failure: a file with several emails or names (the contact's, its account owner's, the order's) had the
     * shortest header win the core slot: "User Email" (the host) over "Invitee Email". Whose value a column holds is
     * read from the qualifiers of its header: a member of staff's never fills a core slot, a secondary one (personal,
     * alternate, the order's) only when nothing better does.
     */
    private static final Pattern STAFF = Pattern.compile("(^| )(owner|host|organizer|organiser|agent|rep|"
            + "representative|manager|assignee|assigned|salesperson|sales|employee|staff|admin|creator|created by|"
            + "modified by|updated by|sender|author|account manager)( |$)");
    private static final Pattern SECONDARY = Pattern.compile("(^| )(personal|private|home|alternate|alternative|other|"
            + "secondary|backup|second|additional|order|guest|referrer|referred|parent|emergency|billing|shipping|"
            // A user is the person in a user list, and the host in a booking tool's export.
            + "user)"
            + "( |$)");

    /** 2 for the contact's own value (or an unqualified one), 1 for a secondary one, 0 for a member of staff's. */
    static int whose(String header) {
        String normalised = HeaderText.normalise(header);
        return STAFF.matcher(normalised).find() ? 0 : SECONDARY.matcher(normalised).find() ? 1 : 2;
    }

    /**
     * Class of failure: the name of a thing ("Item Name", "Event Name", "Company Name") filled the person's name.
     * A name qualified by a kind of thing is that thing's.
     */
    private static final Pattern THING = Pattern.compile("(^| )(item|product|event|company|deal|group|list|file|"
            + "campaign|store|shop|plan|course|ticket|organization|organisation|account|project|page|site|website|"
            + "brand|business|venue|location|team|job|order|pipeline|stage|tag|segment|form|variant|category|"
            + "workspace|channel|program|programme|membership|tier)( |$)");

    private static int bestForRole(String role, List<String> header, ValueProfile[] profiles, Match[] best,
                                   ColumnSuggestion[] result) {
        // A thing has a name, not a first or last name: "Ticket First Name" is the attendee's.
        boolean personName = role.equals("full_name");
        int column = -1;
        for (int i = 0; i < best.length; i++) {
            if (result[i] == null && best[i] != null && best[i].concept().role().equals(role)
                    && profiles[i].fits(best[i].concept().values()) && whose(header.get(i)) > 0
                    && !(personName && THING.matcher(HeaderText.normalise(header.get(i))).find())
                    && (column < 0 || better(i, column, header, profiles, best))) {
                column = i;
            }
        }
        return column;
    }

    /**
     * The contact's own value over a secondary one; of two alike, the better named; of two named as loosely, the
     * one with a value in more rows ("Purchase Email", given at every checkout, over "Buyer Email", an account's).
     */
    private static boolean better(int i, int than, List<String> header, ValueProfile[] profiles, Match[] best) {
        int whose = Integer.compare(whose(header.get(i)), whose(header.get(than)));
        if (whose != 0) {
            return whose > 0;
        }
        if (best[i].score() < 1 && best[than].score() < 1 && profiles[i].nonEmpty() != profiles[than].nonEmpty()) {
            return profiles[i].nonEmpty() > profiles[than].nonEmpty();
        }
        return best[i].score() > best[than].score();
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

    private void existingProperties(List<String> header, List<String> english, ValueProfile[] profiles, Match[] best,
                                           Map<String, String> existing, ColumnSuggestion[] result,
                                           Set<String> takenKeys) {
        List<ExistingMatch> matches = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (result[i] != null) {
                continue;
            }
            String compact = HeaderText.compact(english.get(i));
            for (Map.Entry<String, String> property : existing.entrySet()) {
                String key = property.getKey();
                if (!fitsType(property.getValue(), profiles[i]) || !valuesConfirm(english.get(i), key, profiles[i])) {
                    continue;
                }
                if (compact.equals(HeaderText.compact(key))) {
                    matches.add(new ExistingMatch(i, key, 2.0, "the same name as your property `" + key + "`"));
                } else if (best[i] != null && !best[i].concept().core()
                        && (best[i].concept().key().equals(key) || best[i].concept().relatedKeys().contains(key))) {
                    matches.add(new ExistingMatch(i, key,
                            best[i].score() + (best[i].concept().key().equals(key) ? 0.5 : 0),
                            "means the same as your property `" + key + "`"));
                } else if (compact.length() >= 5 && similarity(compact, HeaderText.compact(key)) >= 0.9) {
                    matches.add(new ExistingMatch(i, key, 0.5, "a name close to your property `" + key + "`"));
                } else if (sameWords(english.get(i), profiles[i], key) > 0) {
                    matches.add(new ExistingMatch(i, key, 0.3 + 0.5 * sameWords(english.get(i), profiles[i], key),
                            "says what your property `" + key + "` says, in other words"));
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

    /**
     * Class of failure: a bare header that leaves out what makes a property specific ("Title" for
     * {@code job_title}, "Status" for {@code subscription_status}) filled it with other things of that name: forum
     * ranks, "Mr/Dr", a chat account's role. Where values can tell, such a header fills the property only when its
     * values are of the property's kind.
     */
    private static final Map<String, java.util.function.ToDoubleFunction<ValueProfile>> KIND_OF_VALUES = Map.of(
            "job", ValueProfile::jobTitles, "subscription", ValueProfile::statuses);

    private static boolean valuesConfirm(String header, String key, ValueProfile profile) {
        List<String> headerWords = List.of(HeaderText.normalise(header).split(" "));
        List<String> keyWords = List.of(key.split("_"));
        if (profile.empty() || !keyWords.containsAll(headerWords)) {
            return true;
        }
        for (String word : keyWords) {
            var kind = KIND_OF_VALUES.get(word);
            if (kind != null && !headerWords.contains(word) && kind.applyAsDouble(profile) < 0.5) {
                return false;
            }
        }
        return true;
    }

    /**
     * Class of failure: an existing property whose key says in other words what a header says ("Business Website",
     * {@code company_website}; "Contact Owner", {@code account_manager}; "Work" holding phone numbers,
     * {@code work_phone}) was not filled, as neither the dictionary nor the spelling related them. The share of the
     * key's words (through {@link KeyWords}) the header has, with what its values are counted as a word (phone
     * numbers say "phone", yes/no under a header about messages says "opt in", or with a "do not" "opt out"); 0
     * unless the key's main word is among them and the header does not end in a word that
     * makes it about something else ("Company ID").
     */
    private static final Pattern NEGATIVE = Pattern.compile("(^| )(do not|dont|don t|never|no)( |$)");
    /** Kinds of message: yes/no under such a header says whether the person wants them. */
    private static final Set<String> MESSAGES = Set.of("newsletter", "email", "marketing", "sms", "promotion",
            "offer", "update", "news");

    /** Words that qualify nothing: the contact itself ("Contact Owner" is the owner), or a negation's frame. */
    private static final Set<String> NEUTRAL = Set.of("contact", "customer", "client", "person", "people", "member",
            "subscriber", "lead", "user", "do", "not", "no", "dont", "your", "my");

    /** Whether header and key say whose or which it is, differently: a "Shoe Size" is no {@code company_size}. */
    private static boolean otherQualifiers(List<String> headerWords, List<String> keyWords, String keyHead) {
        List<String> ofHeader = headerWords.stream().filter(w -> !w.equals(keyHead) && !NEUTRAL.contains(w)
                && !KeyWords.GENERIC.contains(w)).toList();
        List<String> ofKey = keyWords.stream().filter(w -> !w.equals(keyHead) && !NEUTRAL.contains(w)
                && !KeyWords.GENERIC.contains(w)).toList();
        return !ofHeader.isEmpty() && !ofKey.isEmpty() && ofHeader.stream().noneMatch(ofKey::contains);
    }

    static double sameWords(String header, ValueProfile profile, String key) {
        List<String> keyWords = KeyWords.of(key);
        List<String> headerWords = new ArrayList<>(KeyWords.of(HeaderText.field(header)));
        if (headerWords.isEmpty() || keyWords.isEmpty()) {
            return 0;
        }
        String headerHead = headerWords.get(headerWords.size() - 1);
        boolean yesNo = profile.booleans() >= 0.8;
        if (yesNo && NEGATIVE.matcher(HeaderText.normalise(header)).find()) {
            headerWords.add("optout");
        } else if (yesNo && headerWords.stream().anyMatch(MESSAGES::contains)) {
            headerWords.add("optin");
        }
        if (profile.phones() >= 0.8) {
            headerWords.add("phone");
        }
        if (profile.emails() >= 0.8) {
            headerWords.add("email");
        }
        if (profile.urls() >= 0.8) {
            headerWords.add("website");
        }
        // Consent to one kind of message is not consent to another: "Review/Abandoned Cart Emails?" is no newsletter.
        List<String> keyMessages = keyWords.stream().filter(MESSAGES::contains).toList();
        if (!keyMessages.isEmpty() && headerWords.stream().anyMatch(MESSAGES::contains)
                && keyMessages.stream().noneMatch(headerWords::contains)) {
            return 0;
        }
        String keyHead = keyWords.get(keyWords.size() - 1);
        // Yes/no values are no email, id or date, whatever the header's last word: "accepted marketing emails".
        boolean headIsKeys = yesNo || keyWords.contains(headerHead)
                || !KeyWords.LOOK_ALIKE_HEADS.contains(headerHead)
                || headerHead.equals("number") && profile.phones() >= 0.8;
        if (!headerWords.contains(keyHead) || !headIsKeys || otherQualifiers(headerWords, keyWords, keyHead)) {
            return 0;
        }
        // A word that names kinds of things ("code", "status", "phone") says less than one that names this thing:
        // "Discount Code" shares only "code" with referral_code.
        double shared = 0;
        double all = 0;
        boolean sharesSpecific = false;
        for (String word : keyWords.stream().distinct().toList()) {
            double weight = KeyWords.LOOK_ALIKE_HEADS.contains(word) || KeyWords.GENERIC.contains(word) ? 0.5 : 1;
            all += weight;
            if (headerWords.contains(word)) {
                shared += weight;
                sharesSpecific |= weight == 1;
            }
        }
        double share = shared / all;
        return share >= 0.5 && (sharesSpecific || share == 1) ? share : 0;
    }

    private static void newProperties(List<String> header, List<String> english, ValueProfile[] profiles,
                                      Match[] best,
                                      Map<String, String> existing, ColumnSuggestion[] result, Set<String> takenKeys) {
        for (int i = 0; i < header.size(); i++) {
            if (result[i] != null) {
                continue;
            }
            Concept concept = best[i] == null ? null : best[i].concept();
            boolean named = concept != null && (!concept.core() || concept.role().equals("full_name"));
            // The header's own words (in English: its gloss) make the key, for a numbered group's column the words
            // of its field; the concept's key where they offer none (a script without a gloss, an abbreviation) or
            // ramble (a long question that names a known thing).
            String own = HeaderText.snakeKey(HeaderText.field(english.get(i)));
            // A header that is exactly one of a concept's names takes the concept's key, unless its own is one of
            // the concept's keys too ("Language" stays language).
            boolean exactAlias = named && HeaderText.normalise(header.get(i)).equals(best[i].alias())
                    && !concept.relatedKeys().contains(own);
            boolean ownUsable = own != null && own.length() > 3 && !exactAlias
                    && (own.split("_").length <= 4 || !named);
            String type = type(concept, profiles[i], english.get(i));
            if (own != null && type.equals("date")) {
                own = HeaderText.instantKey(own, profiles[i].timesOfDay() >= 0.5);
            }
            String key = ownUsable || !named ? own : concept.key();
            if (key == null || takenKeys.contains(key) || existing.containsKey(key)) {
                key = named ? concept.key() : own;
            }
            if (key == null || takenKeys.contains(key) || existing.containsKey(key)) {
                key = "column_" + (i + 1);
            }
            takenKeys.add(key);
            String reason = concept != null
                    ? "a new property for " + concept.key().replace('_', ' ') + " (\"" + best[i].alias() + "\")"
                    : "a new property; the values are " + describe(type);
            if (type.equals("string") && profiles[i].undecidedDates() >= 0.6) {
                reason += "; the dates are day/month ordered, which is ambiguous, so they are kept as text";
            }
            double confidence = concept != null ? 0.5 + Math.min(0.4, best[i].score() * 0.35) : 0.5;
            result[i] = new ColumnSuggestion(header.get(i), "new_property", key, type, confidence, reason);
        }
    }

    /**
     * Class of failure: a column of only 0 and 1 is a flag far more often than a count ("Refunded?", "has-2fa",
     * "Do Not Email"), yet was typed a number. Only a header that names a quantity keeps it a number.
     */
    private static final Pattern COUNTS = Pattern.compile(
            "(^| )(count|counts|number|num|total|qty|quantity|amount|sum|score|level|rank|points|visits|views|"
                    + "sessions|times|age|year|years|days|hours|minutes|seconds|size|price|cost)( |$)");

    private static String type(Concept concept, ValueProfile profile, String header) {
        String fromValues = profile.numericBooleansOnly() && !COUNTS.matcher(HeaderText.normalise(header)).find()
                ? "boolean" : profile.type();
        if (concept == null || concept.core()) {
            return ID_LIKE.matcher(HeaderText.normalise(HeaderText.undecorated(header))).find() ? "string" : fromValues;
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
