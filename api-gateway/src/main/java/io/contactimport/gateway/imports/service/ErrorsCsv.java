package io.contactimport.gateway.imports.service;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes failed rows as a CSV the user can fix and import again: the file's columns plus {@code error}. A cell that
 * a spreadsheet would run as a formula is neutralised with a leading apostrophe.
 */
public final class ErrorsCsv {

    private ErrorsCsv() {
    }

    public static void writeRow(Writer out, List<String> cells, int width, String error) throws IOException {
        for (int i = 0; i < width; i++) {
            writeCell(out, i < cells.size() ? cells.get(i) : "");
            out.write(',');
        }
        writeCell(out, error);
        out.write("\r\n");
    }

    static void writeCell(Writer out, String value) throws IOException {
        String cell = neutralise(value == null ? "" : value);
        if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0) {
            out.write('"');
            out.write(cell.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(cell);
        }
    }

    /** OWASP's advice for CSV injection: cells starting with = + - @ (or tab / CR) get a leading apostrophe. */
    static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
