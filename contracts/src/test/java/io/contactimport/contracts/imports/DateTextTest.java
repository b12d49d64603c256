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
        assertEquals("2024-10-30T12:44:01", DateText.parse("2024-10-30 12:44:01").orElseThrow());
        assertEquals("2024-10-30T08:05+02:00", DateText.parse("2024-10-30 8:05 +02:00").orElseThrow());
    }

    @Test
    void refusesAmbiguousOrPartialDates() {
        for (String text : List.of("02/11/2024", "15/08/2024", "2024-13-01", "yesterday", "2024-02")) {
            assertTrue(DateText.parse(text).isEmpty(), text);
        }
    }
}
