package io.contactimport.testing;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * What every owner of an internal API proves: none of its {@code /internal/…} endpoints answers a caller without the
 * service credential. A module's test extends it as a {@code @QuarkusTest} with the {@link LocalStackResource}.
 */
public abstract class InternalApiCredentialContract {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyInternalEndpointRefusesACallerWithoutTheServiceCredential() throws Exception {
        InternalApi.assertEveryEndpointRefusesStrangers(base);
    }
}
