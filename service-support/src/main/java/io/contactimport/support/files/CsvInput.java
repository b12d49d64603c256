package io.contactimport.support.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Opens an uploaded CSV as text, streaming: undoes gzip (by its magic bytes), detects the encoding (UTF-8 with or
 * without BOM, UTF-16 by BOM, else Windows-1252 when the bytes are not valid UTF-8) and the delimiter among
 * {@code , ; \t |} from the header line. The gateway and the splitter both read files through this class, so they
 * always agree on what a file says.
 */
public final class CsvInput {

    /** How much of the file is looked at to decide; the rest is streamed. */
    static final int SNIFF_BYTES = 64 * 1024;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvInput() {
    }

    /** A file opened as text. */
    public record Opened(Reader reader, Charset charset, char delimiter, boolean gzip) {
        public String encodingName() {
            return charset == WINDOWS_1252 ? "windows-1252" : charset.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The file is not a CSV we can read; the message names the problem for the user. */
    public static final class UnreadableFileException extends IOException {
        public UnreadableFileException(String message) {
            super(message);
        }
    }

    public static Opened open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, SNIFF_BYTES);
        boolean gzip = startsWith(peek(in, 2), new byte[]{0x1f, (byte) 0x8b});
        if (gzip) {
            in = new BufferedInputStream(new GZIPInputStream(in, 64 * 1024), SNIFF_BYTES);
        }
        byte[] prefix = peek(in, SNIFF_BYTES);
        if (prefix.length == 0) {
            throw new UnreadableFileException("The file is empty.");
        }
        Charset charset;
        int bom = 0;
        if (startsWith(prefix, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (startsWith(prefix, new byte[]{(byte) 0xFF, (byte) 0xFE})) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        } else if (startsWith(prefix, new byte[]{(byte) 0xFE, (byte) 0xFF})) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else {
            if (looksBinary(prefix)) {
                throw new UnreadableFileException("The file is not a text CSV file.");
            }
            charset = isUtf8(prefix) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        in.skipNBytes(bom);
        String head = new String(prefix, bom, prefix.length - bom, charset);
        if (head.indexOf('\0') >= 0) {
            throw new UnreadableFileException("The file is not a text CSV file.");
        }
        return new Opened(new InputStreamReader(in, charset), charset, detectDelimiter(head), gzip);
    }

    /** The candidate that occurs most often outside quotes in the first line; a comma when none does. */
    static char detectDelimiter(String head) {
        int[] counts = new int[DELIMITERS.length];
        boolean quoted = false;
        for (int i = 0; i < head.length(); i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                for (int d = 0; d < DELIMITERS.length; d++) {
                    if (c == DELIMITERS[d]) {
                        counts[d]++;
                    }
                }
            }
        }
        int best = 0;
        for (int d = 1; d < DELIMITERS.length; d++) {
            if (counts[d] > counts[best]) {
                best = d;
            }
        }
        return DELIMITERS[best];
    }

    private static boolean looksBinary(byte[] prefix) {
        int control = 0;
        for (byte b : prefix) {
            if (b == 0) {
                return true;
            }
            if (b > 0 && b < 0x09 || b > 0x0D && b < 0x20 && b != 0x1B) {
                control++;
            }
        }
        return control > prefix.length / 100 + 2;
    }

    /** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the prefix. */
    private static boolean isUtf8(byte[] prefix) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(prefix);
        CharBuffer chars = CharBuffer.allocate(prefix.length);
        CoderResult result = decoder.decode(bytes, chars, false);
        if (result.isError()) {
            return false;
        }
        return bytes.remaining() < 4;
    }

    private static byte[] peek(BufferedInputStream in, int max) throws IOException {
        in.mark(max);
        byte[] bytes = in.readNBytes(max);
        in.reset();
        return bytes;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
