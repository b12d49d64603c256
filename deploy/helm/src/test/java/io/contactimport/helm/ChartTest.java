package io.contactimport.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import io.contactimport.contracts.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart passes a strict lint and renders what a cluster needs, with the settings a user changes. */
class ChartTest {

    private static final Path CHART = Path.of("contact-import");

    @Test
    void passesAStrictLint() {
        var result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void rendersEveryServiceWithProbesSecretsAndItsSettings() {
        String manifests = new Helm(CHART).template().withName("imports").call();
        assertThat(count(manifests, "kind: Deployment")).isEqualTo(5);
        assertThat(count(manifests, "kind: Service\n")).isEqualTo(5);
        for (String service : List.of("api-gateway", "import-splitter", "row-processor", "property-service",
                "status-projector")) {
            assertThat(manifests).contains("name: imports-" + service + "\n");
        }
        assertThat(count(manifests, "path: /q/health/ready")).isEqualTo(5);
        assertThat(manifests).contains("secretKeyRef: { name: contact-import-postgres, key: password }")
                .contains("value: http://imports-row-processor:80")
                .contains("name: RATE_LIMIT_PER_SECOND\n              value: \"10\"")
                .doesNotContain("kind: HorizontalPodAutoscaler").doesNotContain("kind: Ingress");
    }

    @Test
    void autoscalesRowProcessorsAndExposesTheGatewayWhenAsked() {
        String manifests = new Helm(CHART).template().withName("imports")
                .set("rowProcessor.autoscaling.enabled", "true").set("gateway.ingress.enabled", "true")
                .set("gateway.ingress.host", "imports.acme.test").call();
        assertThat(manifests).contains("kind: HorizontalPodAutoscaler").contains("maxReplicas: 6")
                .contains("kind: Ingress").contains("host: \"imports.acme.test\"")
                .contains("nginx.ingress.kubernetes.io/proxy-body-size: \"200M\"");
    }

    @Test
    void givesTheServicesACredentialAndLetsOnlyTheirCallersReachTheInternalApis() throws Exception {
        String manifests = new Helm(CHART).template().withName("imports").call();
        // The Secret is an install hook (made once, never on an upgrade), which the bundled helm does not render.
        assertThat(Files.readString(CHART.resolve("templates/internal-api.yaml")))
                .contains("\"helm.sh/hook\": pre-install").contains("token: {{ randAlphaNum 48 | b64enc }}");
        assertThat(count(manifests, "name: INTERNAL_API_TOKEN\n              valueFrom: { secretKeyRef: "
                + "{ name: imports-internal-api, key: token } }")).isEqualTo(5);
        assertThat(count(manifests, "kind: NetworkPolicy")).isEqualTo(4);
        String propertyService = policy(manifests, "property-service");
        for (String caller : List.of("api-gateway", "import-splitter", "row-processor")) {
            assertThat(propertyService).contains("app.kubernetes.io/name: " + caller + "\n");
        }
        assertThat(policy(manifests, "row-processor")).contains("app.kubernetes.io/name: api-gateway\n")
                .doesNotContain("app.kubernetes.io/name: import-splitter\n");
        assertThat(policy(manifests, "import-splitter")).contains("ingress: []");
        assertThat(manifests.split("\n---\n")).noneMatch(manifest -> manifest.contains("kind: NetworkPolicy")
                && manifest.contains("name: imports-api-gateway\n"));

        String own = new Helm(CHART).template().withName("imports").set("internalApi.existingSecret", "my-token")
                .set("networkPolicy.enabled", "false").call();
        assertThat(own).doesNotContain("kind: NetworkPolicy")
                .contains("secretKeyRef: { name: my-token, key: token }");
    }

    @Test
    void meetsTheRestrictedPodSecurityStandardAndTakesExtraSettings() {
        String manifests = new Helm(CHART).template().withName("imports")
                .set("gateway.extraEnv[0].name", "KAFKA_SECURITY_PROTOCOL").set("gateway.extraEnv[0].value", "SSL")
                .set("rowProcessor.extraEnvFrom[0].secretRef.name", "kafka-sasl")
                .set("image.pullSecrets[0]", "registry-login").call();
        assertThat(count(manifests, "runAsNonRoot: true")).isEqualTo(5);
        assertThat(count(manifests, "seccompProfile: { type: RuntimeDefault }")).isEqualTo(5);
        assertThat(count(manifests, "readOnlyRootFilesystem: true")).isEqualTo(5);
        assertThat(count(manifests, "allowPrivilegeEscalation: false")).isEqualTo(5);
        assertThat(count(manifests, "capabilities: { drop: [ALL] }")).isEqualTo(5);
        assertThat(count(manifests, "mountPath: /tmp")).isEqualTo(5);
        assertThat(manifests).contains("sizeLimit: 2Gi").contains("ephemeral-storage: 2Gi")
                .contains("- name: KAFKA_SECURITY_PROTOCOL\n              value: SSL")
                .contains("envFrom:\n            - secretRef:\n                name: kafka-sasl")
                .contains("imagePullSecrets:\n        - name: registry-login")
                .contains("kind: ServiceAccount").contains("automountServiceAccountToken: false");
        assertThat(count(manifests, "kind: PodDisruptionBudget")).isEqualTo(5);
        assertThat(count(manifests, "prometheus.io/path: /q/metrics")).isEqualTo(5);
        assertThat(manifests).doesNotContain("kind: ServiceMonitor").doesNotContain("kind: PrometheusRule");
    }

    @Test
    void shipsTheScrapeConfigurationAndAlertsWhenAsked() {
        String manifests = new Helm(CHART).template().withName("imports")
                .set("metrics.serviceMonitor.enabled", "true").set("metrics.prometheusRule.enabled", "true")
                .set("metrics.grafanaDashboard.enabled", "true")
                .set("networkPolicy.metricsFrom[0].namespaceSelector.matchLabels.team", "monitoring").call();
        assertThat(manifests).contains("kind: ServiceMonitor").contains("path: /q/metrics")
                .contains("kind: PrometheusRule").contains("grafana_dashboard: \"1\"")
                .contains("\"expr\": \"sum by (outcome) (rate(contact_imports_rows_total[1m]))\"");
        for (String alert : List.of("ContactImportStalled", "ContactImportConsumerLag", "ContactImportOutboxOld",
                "ContactImportRetrying", "ContactImportApiErrors", "ContactImportsFailing")) {
            assertThat(manifests).contains("alert: " + alert);
        }
        assertThat(policy(manifests, "import-splitter")).doesNotContain("ingress: []").contains("team: monitoring");
        assertThat(policy(manifests, "row-processor")).contains("app.kubernetes.io/name: api-gateway\n")
                .contains("team: monitoring");
    }

    @Test
    void refusesAValueItDoesNotKnow() {
        assertThatThrownBy(() -> new Helm(CHART).template().withName("imports").set("gateway.replica", "3").call())
                .hasMessageContaining("replica");
        assertThatThrownBy(() -> new Helm(CHART).template().withName("imports")
                .set("gateway.rateLimitPerSecond", "many").call()).hasMessageContaining("rateLimitPerSecond");
    }

    @Test
    void createsTheTopicsOfContractsBeforeTheServicesStart() throws Exception {
        StringBuilder expected = new StringBuilder("{\n  \"topics\": [\n");
        for (Topic topic : Topic.values()) {
            expected.append(String.format("    {\"name\": \"%s\", \"partitions\": %d, \"maxMessageBytes\": %d, "
                    + "\"retentionMs\": %d}", topic.topicName(), topic.partitions(), topic.maxMessageBytes(),
                    topic.retention().toMillis()));
            expected.append(topic.ordinal() < Topic.values().length - 1 ? ",\n" : "\n");
        }
        expected.append("  ]\n}\n");
        assertThat(Files.readString(CHART.resolve("files/topics.json")))
                .as("files/topics.json, as contracts' Topic defines the topics").isEqualTo(expected.toString());

        assertThat(Files.readString(CHART.resolve("templates/topics.yaml")))
                .contains("\"helm.sh/hook\": pre-install,pre-upgrade");
        // The script's commands, each on one line.
        String job = hook(withHooks(), "name: imports-topics\n").replaceAll("\\\\\n\\s+", "");
        assertThat(job).contains("kind: Job")
                .contains("runAsNonRoot: true").contains("readOnlyRootFilesystem: true")
                .contains("capabilities: { drop: [ALL] }").contains("value: \"kafka:9092\"");
        for (Topic topic : Topic.values()) {
            assertThat(job).contains("--create --if-not-exists --topic " + topic.topicName() + " --partitions "
                    + topic.partitions() + " --replication-factor 3\n").contains("--entity-name "
                    + topic.topicName() + " --add-config max.message.bytes=" + topic.maxMessageBytes()
                    + ",retention.ms=" + topic.retention().toMillis() + "\n");
        }

        String strimzi = new Helm(CHART).template().withName("imports").set("topics.create", "strimzi")
                .set("topics.strimzi.cluster", "events").set("topics.retentionMs.contact-imports\\.row-batches",
                        "3600000").call();
        assertThat(count(strimzi, "kind: KafkaTopic")).isEqualTo(Topic.values().length);
        assertThat(strimzi).contains("strimzi.io/cluster: events")
                .contains("topicName: contact-imports.row-batches\n  partitions: 12\n  replicas: 3\n  config:\n"
                        + "    max.message.bytes: 8388608\n    retention.ms: 3600000\n");
        assertThat(withHooks("topics.create", "none")).doesNotContain("name: imports-topics\n");
    }

    @Test
    void helmTestImportsATinyFileFromTheGatewayImage() throws Exception {
        assertThat(Files.readString(CHART.resolve("templates/tests/smoke-test.yaml")))
                .contains("\"helm.sh/hook\": test");
        String test = hook(withHooks("gateway.extraEnv[0].name", "QUARKUS_DATASOURCE_JDBC_URL",
                "gateway.extraEnv[0].value", "jdbc:postgresql://postgres/db?sslmode=require"),
                "name: imports-smoke-test\n");
        assertThat(test).contains("kind: Pod")
                .contains("image: \"ghcr.io/contact-import/api-gateway:1.0.0\"")
                .contains("command: [\"/app/admin\", \"smoke-test\", \"http://imports-api-gateway:80\"]")
                .contains("secretKeyRef: { name: contact-import-postgres, key: password }")
                .contains("value: jdbc:postgresql://postgres/db?sslmode=require")
                .contains("runAsNonRoot: true").contains("readOnlyRootFilesystem: true");
    }

    @Test
    void logsJsonDeletesUploadsAndTracesWhenGivenACollector() {
        String defaults = new Helm(CHART).template().withName("imports").call();
        assertThat(count(defaults, "name: LOG_JSON\n              value: \"true\"")).isEqualTo(5);
        assertThat(defaults).contains("name: UPLOAD_RETENTION\n              value: \"7d\"")
                .doesNotContain("OTEL_EXPORTER_OTLP_ENDPOINT");
        String traced = new Helm(CHART).template().withName("imports")
                .set("tracing.endpoint", "http://otel-collector:4317").set("uploads.retentionDays", "30").call();
        assertThat(count(traced, "name: OTEL_EXPORTER_OTLP_ENDPOINT\n              value: "
                + "\"http://otel-collector:4317\"")).isEqualTo(5);
        assertThat(traced).contains("name: UPLOAD_RETENTION\n              value: \"30d\"");
    }

    /**
     * Rendered with the hooks, which {@code helm template} here leaves out: from a copy of the chart whose hook
     * annotations are taken away (each test reads them from the template itself).
     */
    private static String withHooks(String... settings) throws IOException {
        Path copy = Files.createTempDirectory("chart-with-hooks").resolve("contact-import");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.write(target, Files.readAllLines(file).stream()
                            .filter(line -> !line.trim().startsWith("\"helm.sh/hook")).toList());
                }
            }
        }
        var template = new Helm(copy).template().withName("imports");
        for (int i = 0; i < settings.length; i += 2) {
            template.set(settings[i], settings[i + 1]);
        }
        return template.call();
    }

    /** The manifest with {@code part} among the rendered ones. */
    private static String hook(String manifests, String part) {
        for (String manifest : manifests.split("\n---\n")) {
            if (manifest.contains(part)) {
                return manifest;
            }
        }
        throw new AssertionError("nothing rendered with " + part.trim() + ":\n" + manifests);
    }

    /** The NetworkPolicy of one service, as rendered. */
    private static String policy(String manifests, String service) {
        for (String manifest : manifests.split("\n---\n")) {
            if (manifest.contains("kind: NetworkPolicy") && manifest.contains("name: imports-" + service + "\n")) {
                return manifest;
            }
        }
        throw new AssertionError("no NetworkPolicy for " + service);
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
