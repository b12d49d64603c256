package io.contactimport.stack;

/** The five services, the Maven module each is built in, and the HTTP port it takes by default. */
public enum Service {
    PROPERTY_SERVICE("property-service", 8081),
    STATUS_PROJECTOR("status-projector", 8082),
    ROW_PROCESSOR("row-processor", 8083),
    IMPORT_SPLITTER("import-splitter", 8084),
    API_GATEWAY("api-gateway", 8080);

    private final String module;
    private final int defaultPort;

    Service(String module, int defaultPort) {
        this.module = module;
        this.defaultPort = defaultPort;
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
