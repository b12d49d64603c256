package io.contactimport.contracts.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as the import accepts it: ISO 8601 dates and date-times, also as exports write them — a space instead of
 * {@code T}, a 12-hour clock, {@code UTC}/{@code GMT} or {@code -0300} after the time ({@code 2024-02-11 15:04:22 UTC},
 * {@code 2025-03-04 10:30 am}), the year first with slashes or dots ({@code 2024/10/16}). Day and month before the
 * year ({@code 03/04/2025}, {@code 11.03.2024 10:14}) are read only in the {@link DateOrder} a column names: the
 * text alone is ambiguous. The import and the column suggestions share this.
 */
public final class DateText {

    private static final String TIME = "(?:T|,?\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
            + "(?:\\s*([AaPp])\\.?[Mm]\\.?)?";
    private static final String ZONE = "(?:\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}))?";
    /** Year first ({@code 2024-02-11}, {@code 2024/2/11}), or day and month first ({@code 11.02.2024}). */
    private static final Pattern WRITTEN = Pattern.compile("(?:(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})"
            + "|(\\d{1,2})([-/.])(\\d{1,2})\\6(\\d{4}))(?:" + TIME + ZONE + ")?");
    private static final Pattern LOOKS_ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

    private DateText() {
    }

    /** The date in normalised ISO form, when it starts with the year. */
    public static Optional<String> parse(String text) {
        return parse(text, null);
    }

    /**
     * The date in normalised ISO form: a date ({@code 2024-02-11}), a local date-time ({@code 2024-02-11T15:04}) or
     * one with its offset ({@code 2024-02-11T15:04:22Z}).
     *
     * @param order how the column writes a day and month before the year; null when it does not
     */
    public static Optional<String> parse(String text, DateOrder order) {
        String trimmed = text.strip();
        Matcher written = WRITTEN.matcher(trimmed);
        if (!written.matches()) {
            return LOOKS_ISO.matcher(trimmed).matches() ? isoDateTime(trimmed) : Optional.empty();
        }
        try {
            LocalDate date;
            if (written.group(1) != null) {
                date = LocalDate.of(number(written, 1), number(written, 3), number(written, 4));
            } else if (order == DateOrder.DAY_FIRST) {
                date = LocalDate.of(number(written, 8), number(written, 7), number(written, 5));
            } else if (order == DateOrder.MONTH_FIRST) {
                date = LocalDate.of(number(written, 8), number(written, 5), number(written, 7));
            } else {
                return Optional.empty();
            }
            if (written.group(9) == null) {
                return Optional.of(date.toString());
            }
            LocalDateTime dateTime = date.atTime(time(written));
            String zone = written.group(14);
            return Optional.of(zone == null ? dateTime.toString()
                    : OffsetDateTime.of(dateTime, offset(zone)).toString());
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static LocalTime time(Matcher written) {
        int hour = number(written, 9);
        String half = written.group(13);
        if (half != null) {
            if (hour < 1 || hour > 12) {
                throw new DateTimeException("not a 12-hour clock hour: " + hour);
            }
            hour = hour % 12 + (half.equalsIgnoreCase("p") ? 12 : 0);
        }
        int seconds = written.group(11) == null ? 0 : number(written, 11);
        String fraction = written.group(12) == null ? "" : written.group(12);
        int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
        return LocalTime.of(hour, number(written, 10), seconds, nanos);
    }

    private static ZoneOffset offset(String zone) {
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        return ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    /** The rest of ISO 8601 that {@link #WRITTEN} leaves out, such as {@code 2024-02-11T15:04:22.5+01}. */
    private static Optional<String> isoDateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toString());
        } catch (DateTimeParseException notAnOffsetDateTime) {
            try {
                return Optional.of(LocalDateTime.parse(text).toString());
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }
}
