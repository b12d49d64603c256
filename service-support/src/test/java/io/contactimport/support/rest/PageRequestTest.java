package io.contactimport.support.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.contactimport.contracts.api.ApiException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void limitOutsideOneToHundredIsAValidationError() {
        for (String bad : List.of("0", "101", "ten", "-1")) {
            ApiException e = assertThrows(ApiException.class, () -> PageRequest.of(bad, null, null, 10));
            assertEquals(422, e.error().statusCode());
            assertEquals("The pagination limit must be a number between 1 and 100.", e.error().message());
        }
        assertEquals(20, PageRequest.of(null, null, null, 20).limit());
    }

    @Test
    void afterAndBeforeTogetherAreRejected() {
        String id = UUID.randomUUID().toString();
        assertThrows(ApiException.class, () -> PageRequest.of("5", id, id, 10));
        assertThrows(ApiException.class, () -> PageRequest.of("5", "not-an-id", null, 10));
    }

    @Test
    void onePageMoreThanTheLimitMeansHasMore() {
        PageRequest request = PageRequest.of("2", null, null, 10);
        PageRequest.Page<String> page = request.page(List.of("c", "b", "a"));
        assertEquals(List.of("c", "b"), page.data());
        assertTrue(page.hasMore());
        assertFalse(request.page(List.of("c", "b")).hasMore());
    }

    @Test
    void pagingBackwardsReadsAscendingAndAnswersNewestFirst() {
        PageRequest request = PageRequest.of("2", null, UUID.randomUUID().toString(), 10);
        assertTrue(request.keysetClause("s", "segments", 2).contains("> (SELECT created_at, id FROM segments WHERE id = $2) ORDER BY s.created_at ASC"));
        assertEquals(List.of("e", "d"), request.page(List.of("d", "e", "f")).data());
    }
}
