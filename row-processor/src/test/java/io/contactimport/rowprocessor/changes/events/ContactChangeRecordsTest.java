package io.contactimport.rowprocessor.changes.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.changes.ContactChanged;
import io.contactimport.contracts.golden.GoldenSample;
import io.contactimport.contracts.imports.OnConflict;
import io.contactimport.rowprocessor.changes.service.ContactChange;
import io.contactimport.rowprocessor.changes.service.ImportChanges;
import io.contactimport.rowprocessor.contacts.repository.ContactUpsert.AppliedRow;
import io.contactimport.rowprocessor.contacts.service.ContactRow;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * An import's changes are written field by field, not by Jackson: each record's data must be, byte for byte, what
 * Jackson writes for the {@link ContactChanged} it stands for (the golden samples' events among them), and its
 * headers the CloudEvent's attributes.
 */
class ContactChangeRecordsTest {

    private static final OffsetDateTime COMMITTED = OffsetDateTime.of(2026, 12, 4, 9, 30, 0, 123_000_000,
            ZoneOffset.UTC);

    private final ObjectMapper json = GoldenSample.wireMapper();

    @Test
    void aCreatedContactIsTheGoldenSample() throws Exception {
        ContactChanged sample = GoldenSample.CONTACT_CREATED.read(json, ContactChanged.class);
        ContactRow row = new ContactRow(7, sample.email(), "Ada", null, false,
                "{\"plan\":\"pro\",\"signup\":\"2026-12-03\"}");

        ProducerRecord<byte[], byte[]> record = written(sample.teamId(), sample.importId(), row, sample.contactId(),
                true);

        assertArrayEquals(json.writeValueAsBytes(sample), record.value());
        assertEquals(sample.contactId().toString(), new String(record.key(), StandardCharsets.US_ASCII));
        assertEquals(sample.importId() + ":7", header(record, "ce_id"));
        assertEquals("contact.created", header(record, "ce_type"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("urn:test", header(record, "ce_source"));
        assertEquals("2026-12-04T09:30:00.123Z", header(record, "ce_time"));
        assertEquals(sample.contactId().toString(), header(record, "ce_subject"));
        assertEquals("http://schemas.test/contact-changed.json", header(record, "ce_dataschema"));
        assertEquals("application/json", header(record, "content-type"));
    }

    @Test
    void anUpdatedContactCarriesTheGoldenSamplesFieldsAndItsImport() throws Exception {
        ContactChanged sample = GoldenSample.CONTACT_UPDATED.read(json, ContactChanged.class);
        UUID importId = UUID.randomUUID();
        ContactRow row = new ContactRow(8, sample.email(), null, "Lovelace", null, "{\"plan\":null,\"score\":7.5}");

        ProducerRecord<byte[], byte[]> record = written(sample.teamId(), importId, row, sample.contactId(), false);

        ContactChanged expected = new ContactChanged(sample.teamId(), sample.contactId(), sample.email(), importId,
                sample.fields());
        assertArrayEquals(json.writeValueAsBytes(expected), record.value());
        assertEquals("contact.updated", header(record, "ce_type"));
    }

    @Test
    void aCreatedContactWithoutValuesHasEveryFieldAndAnUpdateOnlyTheGivenOnes() throws Exception {
        UUID team = UUID.randomUUID();
        UUID importId = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("first_name", null);
        all.put("last_name", null);
        all.put("unsubscribed", false);
        all.put("properties", Map.of());
        assertArrayEquals(json.writeValueAsBytes(new ContactChanged(team, contact, "bare@example.com", importId, all)),
                written(team, importId, new ContactRow(2, "bare@example.com", null, null, null, null), contact, true)
                        .value());

        Map<String, Object> given = new LinkedHashMap<>();
        given.put("first_name", "Zoë \"Z\" \\ Ünal\t");
        given.put("unsubscribed", true);
        ContactRow row = new ContactRow(3, "zoe@example.com", "Zoë \"Z\" \\ Ünal\t", null, true, null);
        assertArrayEquals(json.writeValueAsBytes(new ContactChanged(team, contact, "zoe@example.com", importId,
                given)), written(team, importId, row, contact, false).value());
    }

    @Test
    void theEventIdIsTheImportAndTheRowNumber() {
        UUID importId = UUID.randomUUID();
        for (long number : new long[] {1, 9, 10, 99, 1000, 1_000_000, 123_456_789_012L}) {
            ContactRow row = new ContactRow(number, "n@example.com", null, null, null, null);
            assertEquals(importId + ":" + number, header(written(UUID.randomUUID(), importId, row, UUID.randomUUID(),
                    true), "ce_id"));
        }
    }

    private static ProducerRecord<byte[], byte[]> written(UUID team, UUID importId, ContactRow row, UUID contact,
                                                          boolean created) {
        RowBatch batch = new RowBatch(importId, team, 0, 0, OnConflict.UPSERT, List.of("email"), null, null, null,
                List.of());
        List<ContactChange> changes = new ImportChanges().of(batch, List.of(new AppliedRow(row, contact, created)),
                COMMITTED);
        try (ContactChangeRecords records = new ContactChangeRecords("contacts.changes", "urn:test",
                "http://schemas.test/contact-changed.json", GoldenSample.wireMapper().getFactory())) {
            return records.of(changes.get(0));
        }
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
