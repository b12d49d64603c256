package io.contactimport.rowprocessor.contacts.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.DateOrder;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.contracts.imports.PropertyType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowReaderTest {

    private final RowReader reader = new RowReader();

    private static final List<String> HEADER = List.of("E-mail", "First", "Last", "Unsub", "Score", "Vip", "Since");
    private static final ColumnMap MAP = new ColumnMap("E-mail", "First", "Last", "Unsub", Map.of(
            "score", new ColumnMap.PropertyColumn("Score", PropertyType.NUMBER),
            "vip", new ColumnMap.PropertyColumn("Vip", PropertyType.BOOLEAN),
            "since", new ColumnMap.PropertyColumn("Since", PropertyType.DATE)));

    private static RowBatch batch(RowBatch.Row... rows) {
        return new RowBatch(UUID.randomUUID(), UUID.randomUUID(), 0, 0, OnConflict.UPSERT, HEADER, MAP, List.of(),
                List.of(), List.of(rows));
    }

    private static RowBatch.Row row(long number, String... cells) {
        return new RowBatch.Row(number, List.of(cells), false);
    }

    @Test
    void normalisesAValidRow() throws Exception {
        var read = reader.read(batch(row(1, "  Ada@Example.COM ", "Ada", "", "YES", "3.50", "t", "2024-05-01")));
        assertEquals(0, read.failed().size());
        ContactRow contact = read.valid().get(0);
        assertEquals("ada@example.com", contact.email());
        assertEquals("Ada", contact.firstName());
        assertNull(contact.lastName(), "an empty cell means 'not given'");
        assertEquals(Boolean.TRUE, contact.unsubscribed());
        assertEquals(Map.of("score", 3.5, "vip", true, "since", "2024-05-01"),
                new ObjectMapper().readValue(contact.propertiesJson(), Map.class));
    }

    @Test
    void readsDatesInTheOrderTheColumnMapNames() throws Exception {
        ColumnMap dayFirst = new ColumnMap("E-mail", null, null, null, Map.of(
                "since", new ColumnMap.PropertyColumn("Since", PropertyType.DATE, DateOrder.DAY_FIRST)));
        var read = reader.read(new RowBatch(UUID.randomUUID(), UUID.randomUUID(), 0, 0, OnConflict.UPSERT, HEADER,
                dayFirst, List.of(), List.of(), List.of(row(1, "a@b.co", "", "", "", "", "", "03/04/2025"),
                row(2, "c@d.co", "", "", "", "", "", "04/24/2014"))));
        assertEquals(Map.of("since", "2025-04-03"),
                new ObjectMapper().readValue(read.valid().get(0).propertiesJson(), Map.class));
        assertEquals("Column 'Since': '04/24/2014' is not a date written DD/MM/YYYY.", read.failed().get(0).message());
    }

    @Test
    void emptyUnsubscribedAndPropertiesAreNotGiven() {
        ContactRow contact = reader.read(batch(row(1, "a@b.co", "", "", "", "", "", ""))).valid().get(0);
        assertNull(contact.unsubscribed());
        assertNull(contact.propertiesJson());
    }

    @Test
    void aBadRowFailsAloneWithAReasonThatNamesTheColumn() {
        var read = reader.read(batch(
                row(1, "not-an-email", "A", "B", "", "", "", ""),
                row(2, "ok@example.com", "A", "B", "", "twelve", "", ""),
                row(3, "fine@example.com", "A", "B", "maybe", "", "", ""),
                new RowBatch.Row(4, List.of("short@example.com", "x"), true),
                row(5, "good@example.com", "A", "B", "no", "-1e3", "0", "2024-05-01T10:00:00Z")));
        assertEquals(List.of(5L), read.valid().stream().map(ContactRow::number).toList());
        assertEquals(List.of("invalid_email", "invalid_property_value", "invalid_property_value", "malformed_row"),
                read.failed().stream().map(FailedRow::reason).toList());
        assertEquals("Column 'Score': 'twelve' is not a number.", read.failed().get(1).message());
        assertEquals("Column 'Unsub': 'maybe' is not a boolean.", read.failed().get(2).message());
        assertTrue(read.failed().get(3).message().contains("2 fields"));
    }

    @Test
    void propertyTextIsEscapedIntoValidJson() throws Exception {
        List<String> header = List.of("email", "note");
        ColumnMap map = new ColumnMap("email", null, null, null,
                Map.of("note \"quoted\"", new ColumnMap.PropertyColumn("note", PropertyType.STRING)));
        String note = "say \"hi\"\\ then\nnew line,\ttab, \u0001 and café ✓";
        var read = reader.read(new RowBatch(UUID.randomUUID(), UUID.randomUUID(), 0, 0, OnConflict.UPSERT, header,
                map, List.of(), List.of(), List.of(new RowBatch.Row(1, List.of("a@b.co", note), false))));
        assertEquals(Map.of("note \"quoted\"", note),
                new ObjectMapper().readValue(read.valid().get(0).propertiesJson(), Map.class));
    }

    @Test
    void aRowWithANulCharacterFailsAloneAndIsKeptPrintable() {
        var read = reader.read(batch(row(1, "nul@example.com", "A\0da", "", "", "", "", ""),
                row(2, "ok@example.com", "Bo", "", "", "", "", "")));
        assertEquals(1, read.valid().size());
        FailedRow failed = read.failed().get(0);
        assertEquals(FailedRow.MALFORMED_ROW, failed.reason());
        assertEquals("The row contains a NUL character (U+0000).", failed.message());
        assertEquals("A\uFFFDda", failed.cells().get(1));
        assertEquals("nul@example.com", failed.email());
    }

    @Test
    void emailsAreCheckedForTheShapeOfAnAddress() {
        assertEquals("ada.l+news@mail.example.co.uk",
                ValueParser.normaliseEmail(" Ada.L+News@Mail.Example.co.UK ").orElseThrow());
        for (String bad : List.of("", "@b.co", "a@", "a@b", "a@.co", "a@b.", "a@@b.co", "a@b@c.co", "a b@c.de",
                "a@localhost", "a(b)@c.de", "a@c,d.de", "a@c.d;e", "\"a\"@b.co", "a@b.co\\", "x.y@co",
                "a".repeat(65) + "@b.co", "a@" + "b".repeat(250) + ".co")) {
            assertTrue(ValueParser.normaliseEmail(bad).isEmpty(), bad);
        }
        assertTrue(ValueParser.normaliseEmail("a".repeat(64) + "@b.co").isPresent());
    }

    @Test
    void parsesTheAcceptedSpellings() {
        for (String yes : List.of("true", "TRUE", "yes", "Y", "1", "t")) {
            assertEquals(Boolean.TRUE, ValueParser.parseBoolean(yes).orElseThrow(), yes);
        }
        for (String no : List.of("false", "No", "n", "0", "F")) {
            assertEquals(Boolean.FALSE, ValueParser.parseBoolean(no).orElseThrow(), no);
        }
        assertTrue(ValueParser.parseBoolean("2").isEmpty());
        assertTrue(ValueParser.parseNumber("-12").isPresent());
        assertTrue(ValueParser.parseNumber("1e3").isPresent());
        assertTrue(ValueParser.parseNumber("1,5,0").isEmpty());
        assertTrue(ValueParser.parseDate("2024-02-30", null).isEmpty());
        assertTrue(ValueParser.parseDate("2024-02-03T04:05:06+02:00", null).isPresent());
        assertTrue(ValueParser.normaliseEmail("a b@c.de").isEmpty());
        assertTrue(ValueParser.normaliseEmail("a@localhost").isEmpty());
    }
}
