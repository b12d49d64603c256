package io.contactimport.e2e.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector as small as a test needs: OTLP over HTTP ({@code http/protobuf}) on a free port, keeping
 * every span it receives with its service, trace and parent. The request is read with a minimal protobuf reader (the
 * few fields of {@code ExportTraceServiceRequest} a test looks at), so the services' real exporter is what is tested.
 */
public final class TraceCollector implements AutoCloseable {

    /** One received span; ids in lower-case hex as in a {@code traceparent} header; empty parent for a root. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {
        public static final int SERVER = 2;
        public static final int PRODUCER = 4;
        public static final int CONSUMER = 5;
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Span> spans = new ConcurrentLinkedQueue<>();

    public TraceCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/v1/traces", this::receive);
        server.start();
    }

    /** What a service is given as {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    public int spanCount() {
        return spans.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            for (Field resourceSpans : fields(ByteBuffer.wrap(body.readAllBytes()))) {
                if (resourceSpans.number == 1) {
                    readResourceSpans(resourceSpans.bytes);
                }
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** ResourceSpans: resource = 1 (attributes = 1, with service.name), scope_spans = 2 (spans = 2). */
    private void readResourceSpans(ByteBuffer message) {
        String service = "";
        List<ByteBuffer> scopes = new ArrayList<>();
        for (Field field : fields(message)) {
            if (field.number == 1) {
                service = serviceName(field.bytes);
            } else if (field.number == 2) {
                scopes.add(field.bytes);
            }
        }
        for (ByteBuffer scope : scopes) {
            for (Field span : fields(scope)) {
                if (span.number == 2) {
                    spans.add(readSpan(service, span.bytes));
                }
            }
        }
    }

    private static String serviceName(ByteBuffer resource) {
        for (Field attribute : fields(resource)) {
            if (attribute.number != 1) {
                continue;
            }
            String key = "";
            String value = "";
            for (Field part : fields(attribute.bytes)) {
                if (part.number == 1) {
                    key = text(part.bytes);
                } else if (part.number == 2) {
                    value = fields(part.bytes).stream().filter(f -> f.number == 1).map(f -> text(f.bytes))
                            .findFirst().orElse("");
                }
            }
            if (key.equals("service.name")) {
                return value;
            }
        }
        return "";
    }

    /** Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5, kind = 6. */
    private static Span readSpan(String service, ByteBuffer message) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field field : fields(message)) {
            switch (field.number) {
                case 1 -> traceId = hex(field.bytes);
                case 2 -> spanId = hex(field.bytes);
                case 4 -> parent = hex(field.bytes);
                case 5 -> name = text(field.bytes);
                case 6 -> kind = (int) field.varint;
                default -> { }
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind);
    }

    private record Field(int number, long varint, ByteBuffer bytes) {
    }

    private static List<Field> fields(ByteBuffer message) {
        ByteBuffer in = message.duplicate();
        List<Field> fields = new ArrayList<>();
        while (in.hasRemaining()) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(in), null));
                case 1 -> in.position(in.position() + 8);
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer bytes = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    fields.add(new Field(number, 0, bytes));
                }
                case 5 -> in.position(in.position() + 4);
                default -> throw new IllegalArgumentException("not protobuf: wire type " + (tag & 7));
            }
        }
        return fields;
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static String hex(ByteBuffer bytes) {
        return HexFormat.of().formatHex(copy(bytes));
    }

    private static String text(ByteBuffer bytes) {
        return new String(copy(bytes), StandardCharsets.UTF_8);
    }

    private static byte[] copy(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.duplicate().get(copy);
        return copy;
    }
}
