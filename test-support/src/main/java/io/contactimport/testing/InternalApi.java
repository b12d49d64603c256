package io.contactimport.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.contactimport.support.internal.ServiceCredential;
import io.quarkus.arc.Arc;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The internal APIs as the services call them: with the service credential of the test stack. */
public final class InternalApi {

    private InternalApi() {
    }

    /** Every RestAssured call of this test JVM shows the credential, as the gateway's would. */
    public static void callAsAService() {
        RestAssured.requestSpecification = new RequestSpecBuilder()
                .addHeader(ServiceCredential.HEADER, LocalStackResource.sharedStack().serviceToken()).build();
    }

    /** One endpoint of a resource: its HTTP method and path, with an id in every path parameter. */
    public record Endpoint(String method, String path) {
    }

    /** Every endpoint the running application's resources serve under {@code /internal}, found in its beans. */
    public static List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (type.isInterface() || root == null || !root.value().startsWith("/internal")) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    String path = root.value() + (sub == null ? "" : "/" + sub.value());
                    endpoints.add(new Endpoint(verb, withIds(path.replaceAll("/+", "/"))));
                }
            }
        }
        return endpoints;
    }

    /**
     * Calls each endpoint without the credential and with a wrong one: every answer is the API's JSON error (401,
     * then 403), never data.
     */
    public static void assertEveryEndpointRefusesStrangers(URI base) throws Exception {
        List<Endpoint> endpoints = endpoints();
        assertFalse(endpoints.isEmpty(), "no internal endpoints found");
        HttpClient http = HttpClient.newHttpClient();
        for (Endpoint endpoint : endpoints) {
            for (String token : new String[] {null, "not-the-service-credential"}) {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(endpoint.path()))
                        .header("Content-Type", "application/json")
                        .method(endpoint.method(), HttpRequest.BodyPublishers.ofString("{}"));
                if (token != null) {
                    request.header(ServiceCredential.HEADER, token);
                }
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int expected = token == null ? 401 : 403;
                String what = endpoint + (token == null ? " without the credential" : " with a wrong one");
                assertEquals(expected, answer.statusCode(), what + ": " + answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                        what);
                assertTrue(answer.body().contains("\"statusCode\":" + expected)
                        && answer.body().contains("service_credential"), what + ": " + answer.body());
            }
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String withIds(String template) {
        return template.replaceAll("\\{[^}]*}", UUID.randomUUID().toString());
    }
}
