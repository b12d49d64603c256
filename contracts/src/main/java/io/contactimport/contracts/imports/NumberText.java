package io.contactimport.contracts.imports;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number as files write it: a decimal ({@code -12}, {@code 3.50}, {@code 1e3}), also with a currency sign and
 * thousands commas as spreadsheets export money ({@code $1,284.50}, {@code 12.00 €}), or with a decimal comma as
 * most of Europe writes it ({@code 35,00}, {@code 1.234,56 €}). A comma followed by exactly three digits and nothing
 * else ({@code 1,500}) is read as thousands. The import and the column suggestions read numbers the same way, so a
 * column suggested as a number imports as one.
 */
public final class NumberText {

    private static final Pattern MONEY = Pattern.compile(
            "([-+]?)\\s*[$€£¥]?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?\\s*[$€£¥]?");
    private static final Pattern DECIMAL_COMMA = Pattern.compile(
            "([-+]?)\\s*[$€£¥]?\\s*(\\d{1,3}([. \\u00A0\\u202F]\\d{3})+|\\d+),(\\d+)\\s*[$€£¥]?");

    private NumberText() {
    }

    public static Optional<BigDecimal> parse(String text) {
        String trimmed = text.strip();
        if (isPlainDecimal(trimmed)) {
            return Optional.of(new BigDecimal(trimmed));
        }
        var money = MONEY.matcher(trimmed);
        if (money.matches() && trimmed.matches(".*[$€£¥,].*")) {
            String digits = money.group(1) + money.group(2).replace(",", "") + (money.group(4) == null ? "" : money.group(4));
            return Optional.of(new BigDecimal(digits));
        }
        var decimalComma = DECIMAL_COMMA.matcher(trimmed);
        if (decimalComma.matches()) {
            String integer = decimalComma.group(2).replaceAll("\\D", "");
            return Optional.of(new BigDecimal(decimalComma.group(1) + integer + "." + decimalComma.group(4)));
        }
        return Optional.empty();
    }

    /**
     * {@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?}, checked by hand: it runs for every number cell of an
     * import, and a regular expression there stood out in a profile.
     */
    static boolean isPlainDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int integerDigits = digits(text, i);
        i += integerDigits;
        int fractionDigits = 0;
        if (i < n && text.charAt(i) == '.') {
            fractionDigits = digits(text, i + 1);
            i += 1 + fractionDigits;
        }
        if (integerDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = digits(text, i);
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    private static int digits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
