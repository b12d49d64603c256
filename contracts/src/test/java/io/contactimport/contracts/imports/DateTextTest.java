package io.contactimport.contracts.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateTextTest {

    @Test
    void readsIsoDatesAndTheSpacedFormOfExports() {
        assertEquals("2024-02-11", DateText.parse("2024-02-11").orElseThrow());
        assertEquals("2024-02-11T15:04:22Z", DateText.parse("2024-02-11 15:04:22 UTC").orElseThrow());
        assertEquals("2023-01-18T16:20:11Z", DateText.parse("2023-01-18T16:20:11Z").orElseThrow());
        assertEquals("2023-03-14T10:22:31.118Z", DateText.parse("2023-03-14T10:22:31.118Z").orElseThrow());
        assertEquals("2024-10-30T12:44:01", DateText.parse("2024-10-30 12:44:01").orElseThrow());
        assertEquals("2024-10-30T08:05+02:00", DateText.parse("2024-10-30 8:05 +02:00").orElseThrow());
        assertEquals("2024-02-11T15:04:22.500+01:00", DateText.parse("2024-02-11T15:04:22.5+01").orElseThrow());
    }

    @Test
    void readsTwelveHourClocksCompactOffsetsAndYearFirstSlashes() {
        assertEquals("2025-03-04T10:30", DateText.parse("2025-03-04 10:30 am").orElseThrow());
        assertEquals("2025-03-06T14:00", DateText.parse("2025-03-06 02:00 PM").orElseThrow());
        assertEquals("2025-03-06T00:15", DateText.parse("2025-03-06 12:15 a.m.").orElseThrow());
        assertEquals("2024-02-19T10:02:11-03:00", DateText.parse("2024-02-19 10:02:11 -0300").orElseThrow());
        assertEquals("2024-10-16", DateText.parse("2024/10/16").orElseThrow());
        assertEquals("2024-10-06", DateText.parse("2024.10.6").orElseThrow());
    }

    @Test
    void readsDayAndMonthBeforeTheYearInTheOrderTheColumnNames() {
        assertEquals("2024-03-11T10:14:52", DateText.parse("11.03.2024 10:14:52", DateOrder.DAY_FIRST).orElseThrow());
        assertEquals("2025-04-12T18:42", DateText.parse("12/04/2025 18:42", DateOrder.DAY_FIRST).orElseThrow());
        assertEquals("2024-10-13T08:11:50", DateText.parse("13/10/2024 8:11:50", DateOrder.DAY_FIRST).orElseThrow());
        assertEquals("2014-04-24", DateText.parse("04/24/2014", DateOrder.MONTH_FIRST).orElseThrow());
        assertEquals("2025-03-04T21:05", DateText.parse("3/4/2025 9:05 pm", DateOrder.MONTH_FIRST).orElseThrow());
        assertTrue(DateText.parse("04/24/2014", DateOrder.DAY_FIRST).isEmpty());
        assertTrue(DateText.parse("2024-02-11", DateOrder.DAY_FIRST).isPresent(), "ISO dates need no order");
    }

    @Test
    void refusesAmbiguousOrPartialDates() {
        for (String text : List.of("02/11/2024", "15/08/2024", "2024-13-01", "yesterday", "2024-02", "2024-02-30",
                "2025-03-04 13:30 pm", "2025-03-04 10:61", "03/04/25")) {
            assertTrue(DateText.parse(text).isEmpty(), text);
        }
    }
}
