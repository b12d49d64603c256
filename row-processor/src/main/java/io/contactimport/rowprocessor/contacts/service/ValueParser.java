package io.contactimport.rowprocessor.contacts.service;

import io.contactimport.contracts.batches.Buckets;
import io.contactimport.contracts.imports.DateOrder;
import io.contactimport.contracts.imports.DateText;
import io.contactimport.contracts.imports.NumberText;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** Parses cell text into typed values the way the import semantics define them. Empty input is never passed in. */
public final class ValueParser {

    /** Characters an address may not contain anywhere (besides a second {@code @}). */
    private static final String NOT_IN_EMAIL = " \t\n\u000B\f\r\"(),:;<>[]\\";

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

    /** A decimal number such as {@code -12}, {@code 3.50} or {@code 1e3}, or money such as {@code $1,284.50}. */
    public static Optional<BigDecimal> parseNumber(String text) {
        return NumberText.parse(text);
    }

    /**
     * An ISO 8601 date or date-time, or day and month first in the column's order (see {@link DateText}); returned
     * as the normalised ISO text.
     */
    public static Optional<String> parseDate(String text, DateOrder order) {
        return DateText.parse(text, order);
    }

    /**
     * Trimmed, lower-cased, and syntactically an address: {@code local@domain.tld}, one {@code @}, a local part of
     * 1–64 characters, at most 254 in all. Checked by hand rather than with a regular expression: it runs for every
     * row of every import.
     */
    public static Optional<String> normaliseEmail(String text) {
        String email = Buckets.normaliseEmail(text);
        int at = email.indexOf('@');
        int lastDot = email.lastIndexOf('.');
        if (email.length() > 254 || at < 1 || at > 64 || lastDot < at + 2 || lastDot == email.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c == '@' && i != at || NOT_IN_EMAIL.indexOf(c) >= 0) {
                return Optional.empty();
            }
        }
        return Optional.of(email);
    }
}
