package io.contactimport.rowprocessor.contacts.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import io.contactimport.contracts.batches.Buckets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses cell text into typed values the way the import semantics define them. Empty input is never passed in. */
public final class ValueParser {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s\"(),:;<>\\[\\]\\\\]+\\.[^@\\s\"(),:;<>\\[\\]\\\\.]+");

    private ValueParser() {
    }

    /** {@code true/false, yes/no, y/n, 1/0, t/f} in any case. */
    public static Optional<Boolean> parseBoolean(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "t" -> Optional.of(Boolean.TRUE);
            case "false", "no", "n", "0", "f" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** A decimal number such as {@code -12}, {@code 3.50} or {@code 1e3}. */
    public static Optional<BigDecimal> parseNumber(String text) {
        String trimmed = text.trim();
        return NUMBER.matcher(trimmed).matches() ? Optional.of(new BigDecimal(trimmed)) : Optional.empty();
    }

    /** An ISO 8601 date or date-time; returned as the normalised ISO text. */
    public static Optional<String> parseDate(String text) {
        String trimmed = text.trim();
        try {
            return Optional.of(LocalDate.parse(trimmed).toString());
        } catch (DateTimeParseException notADate) {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed).toString());
            } catch (DateTimeParseException notAnOffsetDateTime) {
                try {
                    return Optional.of(LocalDateTime.parse(trimmed).toString());
                } catch (DateTimeParseException notADateTime) {
                    return Optional.empty();
                }
            }
        }
    }

    /** Trimmed, lower-cased, and syntactically an address (local@domain.tld, at most 254 characters). */
    public static Optional<String> normaliseEmail(String text) {
        String email = Buckets.normaliseEmail(text);
        if (email.length() > 254 || email.indexOf('@') > 64 || !EMAIL.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(email);
    }
}
