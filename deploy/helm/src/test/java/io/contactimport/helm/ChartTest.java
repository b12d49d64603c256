package io.contactimport.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
