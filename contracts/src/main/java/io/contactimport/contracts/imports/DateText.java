package io.contactimport.contracts.imports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A date as the import accepts it: ISO 8601 dates and date-times, also with a space instead of {@code T} and a
 * trailing {@code UTC}/{@code GMT} as many exports write them ({@code 2024-02-11 15:04:22 UTC}). Day/month orders
 * such as {@code 02/11/2024} are refused: they are ambiguous. The import and the column suggestions share this.
 */
public final class DateText {

    private static final Pattern LOOKS_ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");
    private static final Pattern SPACED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?");

    private DateText() {
    }

    /** The date in normalised ISO form. */
    public static Optional<String> parse(String text) {
        String trimmed = text.strip();
        if (!LOOKS_ISO.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        var spaced = SPACED.matcher(trimmed);
        if (spaced.matches()) {
            String time = spaced.group(2).length() == 4 ? "0" + spaced.group(2) : spaced.group(2);
            String zone = spaced.group(5);
            trimmed = spaced.group(1) + "T" + time + (zone == null ? "" : zone.equals("UTC") || zone.equals("GMT") ? "Z" : zone);
        }
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
}
