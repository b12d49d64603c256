package io.contactimport.propertyservice.suggestions.service;

import io.contactimport.contracts.imports.DateText;
import io.contactimport.contracts.imports.NumberText;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column's sampled values look like: the share of non-empty values of each kind. Numbers and dates are
 * counted as the import reads them ({@link NumberText}, {@link DateText}), so a suggested type always imports;
 * day/month dates ({@code 15/08/2024}) are counted apart: the import keeps them as text.
 */
record ValueProfile(int nonEmpty, double emails, double phones, double booleans, double numbers, double dates,
                    double localDates, double urls, double personNames, double firstNames, double addresses,
                    double statuses, boolean numericBooleansOnly) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[\\d][\\d\\s().\\-]{5,19}");
    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_DATE = Pattern.compile("\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}( \\d{1,2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'\\-]+( \\p{Lu}[\\p{L}'\\-]+){0,2}");
    private static final Pattern ADDRESS = Pattern.compile(
            ".*\\d+.*\\b(st|street|ave|avenue|rd|road|dr|drive|ct|court|blvd|ln|lane|way|pl|place|calle|rue|rua|strasse|via)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f", "1", "0",
            "oui", "non", "si", "sí", "sim", "nao", "não", "ja", "nein", "vrai", "faux", "verdadero", "falso", "wahr",
            "falsch", "vero", "はい", "いいえ");
    private static final Set<String> STATUSES = Set.of("active", "inactive", "subscribed", "unsubscribed", "cancelled",
            "canceled", "bounced", "complained", "pending", "confirmed", "unconfirmed", "blocklisted", "blacklisted");
    /** Common given names, to tell a first-name column from a last-name one when the header says nothing. */
    private static final Set<String> GIVEN_NAMES = Set.of("james", "john", "robert", "michael", "william", "david",
            "richard", "joseph", "thomas", "charles", "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara",
            "susan", "jessica", "sarah", "karen", "emma", "olivia", "ava", "sophia", "mia", "megan", "victor", "gabe",
            "gabriel", "anna", "ana", "maria", "jose", "juan", "luis", "carlos", "pedro", "paul", "peter", "mark",
            "laura", "lucia", "sofia", "marta", "pablo", "andres", "hugo", "claire", "manon", "julia", "lena", "jonas",
            "leon", "noah", "liam", "lucas", "mateo", "isabel", "hana", "leo", "nora", "tom", "ben", "eva", "helen",
            "lars", "kofi", "mario", "priya", "rahul", "maya", "ella", "olga", "nate", "chloe", "jonah", "emily",
            "daniel", "kevin", "brian", "george", "edward", "jason", "ryan", "jacob", "nicholas", "eric", "amy",
            "rachel", "katie", "kate", "alex", "sam", "max", "ali", "omar", "fatima", "yuki", "haruto", "yui", "ren",
            "wei", "li", "min", "aiyana", "frank", "grace", "henry", "jack", "alice", "lisa", "nancy", "betty");

    static ValueProfile of(List<String> values) {
        int nonEmpty = 0;
        int emails = 0;
        int phones = 0;
        int booleans = 0;
        int numbers = 0;
        int dates = 0;
        int urls = 0;
        int names = 0;
        int givenNames = 0;
        int addresses = 0;
        int statuses = 0;
        int localDates = 0;
        boolean onlyZeroOne = true;
        for (String raw : values) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                continue;
            }
            nonEmpty++;
            String lower = value.toLowerCase(Locale.ROOT);
            emails += EMAIL.matcher(value).matches() ? 1 : 0;
            phones += PHONE.matcher(value).matches() && value.replaceAll("\\D", "").length() >= 6 ? 1 : 0;
            booleans += BOOLEANS.contains(lower) ? 1 : 0;
            onlyZeroOne &= lower.equals("0") || lower.equals("1");
            numbers += NumberText.parse(value).isPresent() ? 1 : 0;
            dates += DateText.parse(value).isPresent() ? 1 : 0;
            localDates += LOCAL_DATE.matcher(value).matches() ? 1 : 0;
            urls += URL.matcher(value).matches() ? 1 : 0;
            names += NAME.matcher(value).matches() ? 1 : 0;
            givenNames += GIVEN_NAMES.contains(lower) ? 1 : 0;
            addresses += ADDRESS.matcher(value).matches() ? 1 : 0;
            statuses += STATUSES.contains(lower) ? 1 : 0;
        }
        double n = Math.max(1, nonEmpty);
        return new ValueProfile(nonEmpty, emails / n, phones / n, booleans / n, numbers / n, dates / n,
                localDates / n, urls / n,
                names / n, givenNames / n, addresses / n, statuses / n, nonEmpty > 0 && onlyZeroOne);
    }

    boolean empty() {
        return nonEmpty == 0;
    }

    /** The type the values show when nothing else decides. */
    String type() {
        if (empty()) {
            return "string";
        }
        if (booleans >= 0.99 && !numericBooleansOnly) {
            return "boolean";
        }
        if (dates >= 0.8) {
            return "date";
        }
        if (numbers >= 0.99) {
            return "number";
        }
        return "string";
    }

    /** Whether the values fit what a concept says they look like. */
    boolean fits(String kind) {
        if (empty()) {
            return true;
        }
        return switch (kind) {
            case "email" -> emails >= 0.6;
            case "phone" -> phones >= 0.6;
            case "bool" -> booleans >= 0.8;
            case "number" -> numbers >= 0.8;
            case "date" -> dates >= 0.6;
            case "url" -> urls >= 0.6;
            case "name" -> emails < 0.5 && numbers < 0.5;
            default -> true;
        };
    }
}
