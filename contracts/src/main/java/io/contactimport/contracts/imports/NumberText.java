package io.contactimport.contracts.imports;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number as files write it: a decimal ({@code -12}, {@code 3.50}, {@code 1e3}), also with a currency sign and
 * thousands commas as spreadsheets export money ({@code $1,284.50}, {@code 12.00 €}). The import and the column
 * suggestions read numbers the same way, so a column suggested as a number imports as one.
 */
public final class NumberText {

    private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern MONEY = Pattern.compile(
            "([-+]?)\\s*[$€£¥]?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?\\s*[$€£¥]?");

    private NumberText() {
    }

    public static Optional<BigDecimal> parse(String text) {
        String trimmed = text.strip();
        if (PLAIN.matcher(trimmed).matches()) {
            return Optional.of(new BigDecimal(trimmed));
        }
        var money = MONEY.matcher(trimmed);
        if (money.matches() && trimmed.matches(".*[$€£¥,].*")) {
            String digits = money.group(1) + money.group(2).replace(",", "") + (money.group(4) == null ? "" : money.group(4));
            return Optional.of(new BigDecimal(digits));
        }
        return Optional.empty();
    }
}
