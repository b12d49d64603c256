package io.contactimport.propertyservice.suggestions.service;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.contactimport.contracts.api.ApiException;
import io.contactimport.support.files.CsvInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The start of an uploaded file as the suggestions see it: how it is encoded and delimited, its header and up to
 * {@value #SAMPLE_ROWS} rows. Only that much is read, so a truncated upload (its first bytes) is enough.
 */
public record SampledFile(String encoding, String delimiter, List<String> header, List<List<String>> rows) {

    static final int SAMPLE_ROWS = 20;

    public static SampledFile read(InputStream in) {
        try {
            CsvInput.Opened opened = CsvInput.open(in);
            Iterator<CsvRecord> records = CsvReader.builder().fieldSeparator(opened.delimiter()).skipEmptyLines(true)
                    .allowExtraFields(true).allowMissingFields(true).ofCsvRecord(opened.reader()).iterator();
            if (!records.hasNext()) {
                throw ApiException.validation("The file has no header line.");
            }
            List<String> header = records.next().getFields().stream().map(String::strip).toList();
            List<List<String>> rows = new ArrayList<>();
            while (rows.size() < SAMPLE_ROWS && records.hasNext()) {
                rows.add(List.copyOf(records.next().getFields()));
            }
            return new SampledFile(opened.encodingName(), String.valueOf(opened.delimiter()), header, rows);
        } catch (CsvInput.UnreadableFileException e) {
            throw ApiException.validation(e.getMessage());
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.validation("The file could not be read as CSV: " + e.getMessage());
        }
    }
}
