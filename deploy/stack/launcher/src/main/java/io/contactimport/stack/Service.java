package io.contactimport.stack;

/**
 * The five services, the Maven module each is built in, the HTTP port it takes by default, and whether it is bulk
 * work: the splitter and the row-processor work through import rows as fast as the CPU lets them.
 */
public enum Service {
    PROPERTY_SERVICE("property-service", 8081, false),
    STATUS_PROJECTOR("status-projector", 8082, false),
    ROW_PROCESSOR("row-processor", 8083, true),
    IMPORT_SPLITTER("import-splitter", 8084, true),
    API_GATEWAY("api-gateway", 8080, false);

    private final String module;
    private final int defaultPort;
    private final boolean bulk;

    Service(String module, int defaultPort, boolean bulk) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.bulk = bulk;
    }

    public boolean bulk() {
        return bulk;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** Environment variable that overrides the port, e.g. {@code API_GATEWAY_PORT}. */
    public String portVariable() {
        return name() + "_PORT";
    }
}
