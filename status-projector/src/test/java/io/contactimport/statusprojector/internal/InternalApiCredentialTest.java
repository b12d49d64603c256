package io.contactimport.statusprojector.internal;

import io.contactimport.testing.InternalApiCredentialContract;
import io.contactimport.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** No internal endpoint of status-projector answers a caller without the service credential. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class InternalApiCredentialTest extends InternalApiCredentialContract {
}
