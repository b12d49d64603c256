package io.contactimport.propertyservice.suggestions.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of a header or a property key as meaning sees them: singular, "opt in" as one word, and the common
 * English names of one thing as one word ("business" and "organisation" are the company, an "owner" is a manager,
 * "accepted" or "consent" an opt-in). A thesaurus of words, not of headers: it lets a header fill a property whose
 * key says the same thing in other words ("Business Website" fills {@code company_website}).
 */
final class KeyWords {

    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("business", "company"), Map.entry("organisation", "company"), Map.entry("organization", "company"),
            Map.entry("employer", "company"), Map.entry("account", "company"), Map.entry("firm", "company"),
            Map.entry("owner", "manager"), Map.entry("rep", "manager"), Map.entry("representative", "manager"),
            Map.entry("cell", "mobile"), Map.entry("cellphone", "mobile"), Map.entry("telephone", "phone"),
            Map.entry("tel", "phone"), Map.entry("site", "website"), Map.entry("homepage", "website"),
            Map.entry("web", "website"), Map.entry("url", "website"), Map.entry("zip", "postal"),
            Map.entry("postcode", "postal"), Map.entry("accepted", "optin"), Map.entry("consent", "optin"),
            Map.entry("consented", "optin"), Map.entry("opted", "optin"), Map.entry("mailing", "newsletter"),
            Map.entry("mail", "email"), Map.entry("dob", "birthday"), Map.entry("birth", "birthday"),
            Map.entry("occupation", "job"), Map.entry("item", "product"), Map.entry("order", "purchase"),
            Map.entry("position", "job"), Map.entry("nation", "country"));

    /** Words that make a header about something else than what precedes them: a "Company ID" is not the company. */
    static final Set<String> LOOK_ALIKE_HEADS = Set.of("id", "uuid", "code", "number", "no", "type", "count", "date",
            "website", "link", "email", "status", "reference", "key", "hash");

    /** Words that name a kind of value rather than what it is about. */
    static final Set<String> GENERIC = Set.of("phone", "mobile", "address", "value", "info", "detail", "data", "field",
            "custom", "text", "time", "at", "on", "of", "the", "a", "in");

    private KeyWords() {
    }

    static List<String> of(String text) {
        String normalised = (" " + HeaderText.normalise(text) + " ").replace(" opt in ", " optin ")
                .replace(" opt out ", " optout ").strip();
        List<String> words = new ArrayList<>();
        for (String word : normalised.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String singular = word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
                    ? word.substring(0, word.length() - 1) : word;
            words.add(SAME.getOrDefault(singular, singular));
        }
        return words;
    }
}
