package io.contactimport.rowprocessor.contacts.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.PropertyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a batch's raw cells into valid contact rows and failed rows; a bad row never affects another row. */
@ApplicationScoped
public class RowReader {

    private final ObjectMapper json;

    public RowReader(ObjectMapper json) {
        this.json = json;
    }

    /** The outcome of reading a batch, both lists in file order. */
    public record ReadRows(List<ContactRow> valid, List<FailedRow> failed) {
    }

    public ReadRows read(RowBatch batch) {
        Columns columns = Columns.resolve(batch.header(), batch.columnMap());
        List<ContactRow> valid = new ArrayList<>(batch.rows().size());
        List<FailedRow> failed = new ArrayList<>();
        for (RowBatch.Row row : batch.rows()) {
            readRow(row, batch.header(), columns, valid, failed);
        }
        return new ReadRows(valid, failed);
    }

    private void readRow(RowBatch.Row row, List<String> header, Columns columns, List<ContactRow> valid,
                         List<FailedRow> failed) {
        List<String> cells = row.cells();
        String rawEmail = columns.email() < cells.size() ? cells.get(columns.email()) : "";
        if (row.malformed()) {
            failed.add(new FailedRow(row.number(), rawEmail.trim(), FailedRow.MALFORMED_ROW,
                    "The row has " + cells.size() + " fields, the header has " + header.size() + ".", cells));
            return;
        }
        Optional<String> email = ValueParser.normaliseEmail(rawEmail);
        if (email.isEmpty()) {
            failed.add(new FailedRow(row.number(), rawEmail.trim(), FailedRow.INVALID_EMAIL,
                    rawEmail.isBlank() ? "The email is missing." : "'" + rawEmail.trim() + "' is not a valid email address.",
                    cells));
            return;
        }
        Boolean unsubscribed = null;
        String unsubscribedCell = cell(cells, columns.unsubscribed());
        if (unsubscribedCell != null) {
            Optional<Boolean> parsed = ValueParser.parseBoolean(unsubscribedCell);
            if (parsed.isEmpty()) {
                failed.add(invalidValue(row, email.get(), header.get(columns.unsubscribed()), unsubscribedCell, "a boolean"));
                return;
            }
            unsubscribed = parsed.get();
        }
        ObjectNode properties = json.createObjectNode();
        for (Columns.PropertyColumn property : columns.properties()) {
            String value = cell(cells, property.index());
            if (value == null) {
                continue;
            }
            if (!putTyped(properties, property.key(), property.type(), value)) {
                failed.add(invalidValue(row, email.get(), header.get(property.index()), value,
                        "a " + property.type().apiValue()));
                return;
            }
        }
        valid.add(new ContactRow(row.number(), email.get(), cell(cells, columns.firstName()),
                cell(cells, columns.lastName()), unsubscribed, properties.isEmpty() ? null : properties.toString()));
    }

    private static boolean putTyped(ObjectNode properties, String key, PropertyType type, String value) {
        switch (type) {
            case STRING -> properties.put(key, value);
            case NUMBER -> {
                var number = ValueParser.parseNumber(value);
                number.ifPresent(n -> properties.put(key, n));
                return number.isPresent();
            }
            case BOOLEAN -> {
                var bool = ValueParser.parseBoolean(value);
                bool.ifPresent(b -> properties.put(key, b));
                return bool.isPresent();
            }
            case DATE -> {
                var date = ValueParser.parseDate(value);
                date.ifPresent(d -> properties.put(key, d));
                return date.isPresent();
            }
        }
        return true;
    }

    private static FailedRow invalidValue(RowBatch.Row row, String email, String column, String value, String expected) {
        return new FailedRow(row.number(), email, FailedRow.INVALID_PROPERTY_VALUE,
                "Column '" + column + "': '" + value + "' is not " + expected + ".", row.cells());
    }

    /** The trimmed cell, or null when the column is not mapped or the cell is empty ("not given"). */
    private static String cell(List<String> cells, int index) {
        if (index < 0 || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** Column indexes of the mapped headers; -1 for a field that is not imported. */
    record Columns(int email, int firstName, int lastName, int unsubscribed, List<PropertyColumn> properties) {

        record PropertyColumn(String key, PropertyType type, int index) {
        }

        static Columns resolve(List<String> header, ColumnMap map) {
            List<PropertyColumn> properties = new ArrayList<>();
            for (Map.Entry<String, ColumnMap.PropertyColumn> entry : map.properties().entrySet()) {
                properties.add(new PropertyColumn(entry.getKey(), entry.getValue().type(),
                        header.indexOf(entry.getValue().column())));
            }
            return new Columns(header.indexOf(map.email()), indexOf(header, map.firstName()),
                    indexOf(header, map.lastName()), indexOf(header, map.unsubscribed()), properties);
        }

        private static int indexOf(List<String> header, String column) {
            return column == null ? -1 : header.indexOf(column);
        }
    }
}
