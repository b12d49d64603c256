package io.contactimport.support.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CsvInputTest {

    private static CsvInput.Opened open(byte[] bytes) throws IOException {
        return CsvInput.open(new ByteArrayInputStream(bytes));
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        reader.transferTo(new java.io.Writer() {
            @Override
            public void write(char[] chars, int off, int len) {
                text.append(chars, off, len);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        return text.toString();
    }

    @Test
    void utf8WithBomLosesTheBom() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "email;prénom\na@b.co;Zoë\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(text, 0, all, 3, text.length);
        CsvInput.Opened opened = open(all);
        assertEquals(';', opened.delimiter());
        assertEquals("email;prénom\na@b.co;Zoë\n", read(opened.reader()));
    }

    @Test
    void utf16AndWindows1252AreDecoded() throws IOException {
        byte[] utf16 = "\uFEFFemail\tname\na@b.co\tJosé\n".getBytes(StandardCharsets.UTF_16LE);
        CsvInput.Opened opened = open(utf16);
        assertEquals('\t', opened.delimiter());
        assertEquals("email\tname\na@b.co\tJosé\n", read(opened.reader()));

        CsvInput.Opened latin = open("email|name\na@b.co|José\n".getBytes(Charset.forName("windows-1252")));
        assertEquals("windows-1252", latin.encodingName());
        assertEquals('|', latin.delimiter());
        assertEquals("email|name\na@b.co|José\n", read(latin.reader()));
    }

    @Test
    void gzipIsUndone() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write("email,name\na@b.co,Ann\n".getBytes(StandardCharsets.UTF_8));
        }
        CsvInput.Opened opened = open(zipped.toByteArray());
        assertEquals(true, opened.gzip());
        assertEquals("email,name\na@b.co,Ann\n", read(opened.reader()));
    }

    @Test
    void emptyAndBinaryFilesAreRejected() {
        assertThrows(CsvInput.UnreadableFileException.class, () -> open(new byte[0]));
        assertThrows(CsvInput.UnreadableFileException.class, () -> open(new byte[]{0x50, 0x4B, 0x03, 0x04, 0, 0, 1}));
    }

    @Test
    void theDelimiterIsTheOneOutsideQuotes() {
        assertEquals(',', CsvInput.detectDelimiter("\"a;b;c\",d\n1,2"));
    }
}
