package io.contactimport.rowprocessor.internal;

import io.contactimport.testing.InternalApi;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** No internal endpoint of row-processor answers a caller without the service credential. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class InternalApiCredentialTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void everyInternalEndpointRefusesACallerWithoutTheServiceCredential() throws Exception {
        InternalApi.assertEveryEndpointRefusesStrangers(base);
    }
}
