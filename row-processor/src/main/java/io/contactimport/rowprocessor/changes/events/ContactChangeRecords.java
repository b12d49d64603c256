package io.contactimport.rowprocessor.changes.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.contactimport.contracts.changes.ContactChangeType;
import io.contactimport.contracts.changes.ContactChanged;
import io.contactimport.rowprocessor.changes.service.ContactChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes contact changes as Kafka records: CloudEvents in binary mode, the attributes as {@code ce_*} headers and
 * the data, a {@link ContactChanged}, as JSON, keyed by contact id. The JSON is written field by field, as
 * Jackson writes the record (a test holds the two equal): a million events, each built as a record with a map and
 * then serialised, showed in the import's CPU time. One writer serves one run of sends on one thread, reusing its
 * generator and buffer.
 */
final class ContactChangeRecords implements AutoCloseable {

    private static final SerializableString TEAM_ID = new SerializedString("team_id");
    private static final SerializableString CONTACT_ID = new SerializedString("contact_id");
    private static final SerializableString EMAIL = new SerializedString("email");
    private static final SerializableString IMPORT_ID = new SerializedString("import_id");
    private static final SerializableString FIELDS = new SerializedString("fields");

    private final String topic;
    private final Header specVersion = header("ce_specversion", "1.0");
    private final Header source;
    private final Header dataSchema;
    private final Header contentType = header("content-type", "application/json");
    private final Map<ContactChangeType, Header> types = new EnumMap<>(ContactChangeType.class);
    private final ByteArrayBuilder value = new ByteArrayBuilder();
    private final JsonGenerator data;
    private final LastId teamId = new LastId();
    private final LastId importId = new LastId();
    private OffsetDateTime timeOf;
    private Header time;

    ContactChangeRecords(String topic, String source, String dataSchema, JsonFactory json) {
        this.topic = topic;
        this.source = header("ce_source", source);
        this.dataSchema = header("ce_dataschema", dataSchema);
        for (ContactChangeType type : ContactChangeType.values()) {
            types.put(type, header("ce_type", type.eventType()));
        }
        try {
            this.data = json.createGenerator(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        data.setRootValueSeparator(null);
    }

    /** The change's record; the key, a contact id, keeps one contact's changes in order. */
    ProducerRecord<byte[], byte[]> of(ContactChange change) {
        if (!change.time().equals(timeOf)) {
            timeOf = change.time();
            time = header("ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(timeOf));
        }
        byte[] contactId = ascii(change.contactId());
        ArrayList<Header> headers = new ArrayList<>(8);
        headers.add(specVersion);
        headers.add(new RecordHeader("ce_id", change.id()));
        headers.add(source);
        headers.add(types.get(change.type()));
        headers.add(time);
        headers.add(new RecordHeader("ce_subject", contactId));
        headers.add(dataSchema);
        headers.add(contentType);
        return new ProducerRecord<>(topic, null, contactId, data(change, contactId), headers);
    }

    /** Ids are ASCII and need no escaping; a batch's team and import ids are written from bytes made once. */
    private byte[] data(ContactChange change, byte[] contactId) {
        try {
            data.writeStartObject();
            data.writeFieldName(TEAM_ID);
            writeId(teamId.of(change.teamId()));
            data.writeFieldName(CONTACT_ID);
            writeId(contactId);
            data.writeFieldName(EMAIL);
            data.writeString(change.email());
            data.writeFieldName(IMPORT_ID);
            if (change.importId() == null) {
                data.writeNull();
            } else {
                writeId(importId.of(change.importId()));
            }
            data.writeFieldName(FIELDS);
            change.fields().writeTo(data);
            data.writeEndObject();
            data.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = value.toByteArray();
        value.reset();
        return json;
    }

    private void writeId(byte[] id) throws IOException {
        data.writeRawUTF8String(id, 0, id.length);
    }

    @Override
    public void close() {
        try {
            data.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(UUID id) {
        return id.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** The bytes of the id last asked for, made again only for another id. */
    private static final class LastId {
        private UUID id;
        private byte[] bytes;

        byte[] of(UUID wanted) {
            if (!wanted.equals(id)) {
                id = wanted;
                bytes = ascii(wanted);
            }
            return bytes;
        }
    }
}
