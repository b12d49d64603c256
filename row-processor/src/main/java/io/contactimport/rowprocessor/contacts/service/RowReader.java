package io.contactimport.rowprocessor.contacts.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.contactimport.contracts.batches.RowBatch;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.DateOrder;
import io.contactimport.contracts.imports.PropertyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a batch's raw cells into valid contact rows and failed rows; a bad row never affects another row. This runs
 * for every row of every import, so it writes the properties' JSON text directly (a Jackson tree per row cost more
 * CPU than the row's share of the SQL; BENCHMARKS.md).
 */
@ApplicationScoped
public class RowReader {

    private static final char NUL = '\0';
    private static final JsonStringEncoder JSON_TEXT = JsonStringEncoder.getInstance();

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
        if (cells.stream().anyMatch(cell -> cell.indexOf(NUL) >= 0)) {
            // PostgreSQL cannot store U+0000 in text: the row fails, kept with the character shown as U+FFFD.
            List<String> shown = cells.stream().map(cell -> cell.replace(NUL, '\uFFFD')).toList();
            String shownEmail = columns.email() < shown.size() ? shown.get(columns.email()).trim() : "";
            failed.add(new FailedRow(row.number(), shownEmail, FailedRow.MALFORMED_ROW,
                    "The row contains a NUL character (U+0000).", shown));
            return;
        }
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
        StringBuilder properties = new StringBuilder();
        for (Columns.PropertyColumn property : columns.properties()) {
            String value = cell(cells, property.index());
            if (value == null) {
                continue;
            }
            if (!appendTyped(properties, property, value)) {
                failed.add(invalidValue(row, email.get(), header.get(property.index()), value, property.expected()));
                return;
            }
        }
        valid.add(new ContactRow(row.number(), email.get(), cell(cells, columns.firstName()),
                cell(cells, columns.lastName()), unsubscribed,
                properties.isEmpty() ? null : properties.append('}').toString()));
    }

    /** Appends {@code "key":value} to the properties' JSON text; false when the cell is not of the property's type. */
    private static boolean appendTyped(StringBuilder properties, Columns.PropertyColumn property, String value) {
        String json = switch (property.type()) {
            case STRING -> quoted(value);
            case NUMBER -> ValueParser.parseNumber(value).map(BigDecimal::toString).orElse(null);
            case BOOLEAN -> ValueParser.parseBoolean(value).map(String::valueOf).orElse(null);
            case DATE -> ValueParser.parseDate(value, property.dateOrder()).map(RowReader::quoted).orElse(null);
        };
        if (json == null) {
            return false;
        }
        properties.append(properties.isEmpty() ? '{' : ',').append(property.jsonKey()).append(':').append(json);
        return true;
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        JSON_TEXT.quoteAsString(text, quoted);
        return quoted.append('"').toString();
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

        /** @param jsonKey the key as a JSON string, quoted once per batch */
        record PropertyColumn(String jsonKey, PropertyType type, DateOrder dateOrder, int index) {

            /** What a failing cell should have been, as a failed row's message says it. */
            String expected() {
                return "a " + type.apiValue() + (dateOrder == null ? "" : " written " + dateOrder.apiValue());
            }
        }

        static Columns resolve(List<String> header, ColumnMap map) {
            List<PropertyColumn> properties = new ArrayList<>();
            for (Map.Entry<String, ColumnMap.PropertyColumn> entry : map.properties().entrySet()) {
                ColumnMap.PropertyColumn column = entry.getValue();
                properties.add(new PropertyColumn(quoted(entry.getKey()), column.type(), column.dateOrder(),
                        header.indexOf(column.column())));
            }
            return new Columns(header.indexOf(map.email()), indexOf(header, map.firstName()),
                    indexOf(header, map.lastName()), indexOf(header, map.unsubscribed()), properties);
        }

        private static int indexOf(List<String> header, String column) {
            return column == null ? -1 : header.indexOf(column);
        }
    }
}
