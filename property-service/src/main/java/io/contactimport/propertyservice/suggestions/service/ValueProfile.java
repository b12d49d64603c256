package io.contactimport.propertyservice.suggestions.service;

import io.contactimport.contracts.imports.DateOrder;
import io.contactimport.contracts.imports.DateText;
import io.contactimport.contracts.imports.NumberText;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a column's sampled values look like: the share of non-empty values of each kind. Numbers and dates are
 * counted as the import reads them ({@link NumberText}, {@link DateText}), so a suggested type always imports.
 * Dates with day and month before the year count in the order the values show ({@code 15/08/2024} is day first,
 * {@code 04/24/2014} month first, dots are day first wherever they are written); when no value shows it, they are
 * {@code undecidedDates} until another column of the file decides ({@link #inOrder}).
 *
 * @param dateOrder the order the column's day/month dates are read in; null when it has none or it is undecided
 * @param secrets   the share of values that look like hashes, salts or keys: long runs of letters and digits in no
 *                  language ({@code gw4HvB45jxASvUrO+uy9OA==}, {@code $2a$10$N9qo8u…})
 * @param identifiers whether some value is a run of more digits than a number keeps exactly (16 or more: an
 *                  account id such as {@code 104925587231446182739}), so the column is text
 * @param constant  the one value of a column that has it in (nearly) every sampled row, else null
 */
record ValueProfile(int nonEmpty, double emails, double phones, double booleans, double numbers, double dates,
                    DateOrder dateOrder, double undecidedDates, double urls, double personNames, double firstNames,
                    double addresses, double statuses, double jobTitles, double genders, double timesOfDay,
                    double secrets, boolean numericBooleansOnly, boolean identifiers, String constant) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?\\(?\\d[\\d\\s().\\-]{5,19}");
    /** Milliseconds since 1970 from 2001 to 2033, as auth exports write times: 13 digits, not a phone number. */
    private static final Pattern EPOCH_MILLIS = Pattern.compile("1[0-9]{12}");
    private static final Pattern TIME_OF_DAY = Pattern.compile("\\d{1,2}:\\d{2}");
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d{16,}");
    private static final Pattern SECRET = Pattern.compile(
            "\\$\\w{1,3}\\$\\S{16,}|[A-Za-z0-9+/_\\-]{16,}={0,2}(:\\S+)?");
    private static final Pattern URL = Pattern.compile("(https?://|www\\.)\\S+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'\\-]+( \\p{Lu}[\\p{L}'\\-]+){0,2}");
    private static final Pattern ADDRESS = Pattern.compile(
            ".*\\d+.*\\b(st|street|ave|avenue|rd|road|dr|drive|ct|court|blvd|ln|lane|way|pl|place|calle|rue|rua|strasse|via)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "y", "n", "t", "f", "1", "0",
            "oui", "non", "si", "sí", "sim", "nao", "não", "ja", "nein", "vrai", "faux", "verdadero", "falso", "wahr",
            "falsch", "vero", "はい", "いいえ");
    private static final Set<String> GENDERS = Set.of("m", "f", "male", "female", "man", "woman", "w", "d", "x",
            "non-binary", "nonbinary", "diverse", "divers", "homme", "femme", "masculino", "femenino", "feminino",
            "hombre", "mujer", "mann", "frau", "maschio", "femmina", "男", "女", "男性", "女性");
    private static final Set<String> STATUSES = Set.of("active", "inactive", "subscribed", "unsubscribed", "cancelled",
            "canceled", "bounced", "complained", "pending", "confirmed", "unconfirmed", "blocklisted", "blacklisted");
    /** Words of job titles, in the languages of the dictionary ("Purchasing Manager", "Sócia-diretora", "CFO"). */
    private static final Pattern JOB_WORD = Pattern.compile("(^|[^\\p{L}])(manager|director|head|chief|officer|"
            + "president|vp|ceo|cto|cfo|coo|cmo|founder|partner|principal|owner|engineer|developer|designer|analyst|"
            + "consultant|specialist|assistant|coordinator|executive|associate|accountant|lead|supervisor|"
            + "administrator|secretary|clerk|technician|architect|scientist|researcher|professor|teacher|lawyer|"
            + "attorney|physician|nurse|buyer|representative|intern|diretora?|directeur|directrice|gerente|analista|"
            + "jefe|jefa|responsable|ingenieur|ingeniero|engenheiro|leiter|leiterin|geschaftsfuhrer(in)?|"
            + "geschäftsführer(in)?|socio|socia|sócio|sócia)($|[^\\p{L}])");
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
        int jobTitles = 0;
        int genders = 0;
        int timesOfDay = 0;
        DayMonthDates dayMonth = new DayMonthDates();
        int secrets = 0;
        boolean onlyZeroOne = true;
        boolean identifiers = false;
        Set<String> distinct = new HashSet<>();
        for (String raw : values) {
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                continue;
            }
            nonEmpty++;
            String lower = value.toLowerCase(Locale.ROOT);
            emails += EMAIL.matcher(value).matches() ? 1 : 0;
            distinct.add(value);
            identifiers |= LONG_DIGITS.matcher(value).matches();
            boolean date = DateText.parse(value).isPresent();
            phones += PHONE.matcher(value).matches() && value.replaceAll("\\D", "").length() >= 6 && !date
                    && !EPOCH_MILLIS.matcher(value).matches() ? 1 : 0;
            secrets += SECRET.matcher(value).matches() && looksRandom(value) ? 1 : 0;
            booleans += BOOLEANS.contains(lower) ? 1 : 0;
            onlyZeroOne &= lower.equals("0") || lower.equals("1");
            numbers += NumberText.parse(value).isPresent() ? 1 : 0;
            if (date) {
                dates++;
            } else {
                dayMonth.count(value);
            }
            urls += URL.matcher(value).matches() ? 1 : 0;
            names += NAME.matcher(value).matches() ? 1 : 0;
            givenNames += GIVEN_NAMES.contains(lower) ? 1 : 0;
            addresses += ADDRESS.matcher(value).matches() ? 1 : 0;
            statuses += STATUSES.contains(lower) ? 1 : 0;
            jobTitles += JOB_WORD.matcher(lower).find() ? 1 : 0;
            genders += GENDERS.contains(lower) ? 1 : 0;
            timesOfDay += TIME_OF_DAY.matcher(value).find() ? 1 : 0;
        }
        double n = Math.max(1, nonEmpty);
        DateOrder order = dayMonth.order();
        return new ValueProfile(nonEmpty, emails / n, phones / n, booleans / n, numbers / n,
                (dates + dayMonth.readIn(order)) / n, order, dayMonth.undecided() / n, urls / n,
                names / n, givenNames / n, addresses / n, statuses / n, jobTitles / n, genders / n, timesOfDay / n,
                secrets / n, nonEmpty > 0 && onlyZeroOne, identifiers,
                nonEmpty >= 3 && distinct.size() == 1 && nonEmpty >= 0.8 * values.size()
                        ? distinct.iterator().next() : null);
    }

    /** Letters and digits mixed as no word or number is: both cases or digits among letters, few repeats. */
    private static boolean looksRandom(String value) {
        int letters = 0;
        int digits = 0;
        int upper = 0;
        for (char c : value.toCharArray()) {
            letters += Character.isLetter(c) ? 1 : 0;
            digits += Character.isDigit(c) ? 1 : 0;
            upper += Character.isUpperCase(c) ? 1 : 0;
        }
        boolean mixedCase = upper > 0 && upper < letters;
        return letters > 0 && digits > 0 && (mixedCase || digits >= 4 && letters >= 4);
    }

    /** The profile with its undecided day/month dates read in the order the file's other date columns show. */
    ValueProfile inOrder(DateOrder fileOrder) {
        if (undecidedDates == 0 || fileOrder == null) {
            return this;
        }
        return new ValueProfile(nonEmpty, emails, phones, booleans, numbers, dates + undecidedDates, fileOrder, 0,
                urls, personNames, firstNames, addresses, statuses, jobTitles, genders, timesOfDay, secrets,
                numericBooleansOnly, identifiers, constant);
    }

    /** Counts of the values that are dates with day and month before the year, in either order or both. */
    private static final class DayMonthDates {
        private int dayFirst;
        private int monthFirst;
        private int either;
        private int dotted;

        void count(String value) {
            boolean day = DateText.parse(value, DateOrder.DAY_FIRST).isPresent();
            boolean month = DateText.parse(value, DateOrder.MONTH_FIRST).isPresent();
            dayFirst += day ? 1 : 0;
            monthFirst += month ? 1 : 0;
            either += day || month ? 1 : 0;
            dotted += (day || month) && value.indexOf('.') > 0 ? 1 : 0;
        }

        /** The order every such value can be read in and some must be; dots read day first. */
        DateOrder order() {
            boolean day = dayFirst == either;
            boolean month = monthFirst == either;
            if (either == 0 || !day && !month) {
                return null;
            }
            if (day && month) {
                return dotted == either ? DateOrder.DAY_FIRST : null;
            }
            return day ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST;
        }

        int readIn(DateOrder order) {
            return order == null ? 0 : either;
        }

        /** Values read the same in both orders, when nothing decides between them. */
        int undecided() {
            return order() == null && dayFirst == either && monthFirst == either ? either : 0;
        }
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
        if (numbers >= 0.99 && !identifiers) {
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
            case "gender" -> genders >= 0.8;
            default -> true;
        };
    }
}
