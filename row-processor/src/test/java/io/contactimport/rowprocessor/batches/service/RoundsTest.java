package io.contactimport.rowprocessor.batches.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.contactimport.rowprocessor.contacts.service.ContactRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundsTest {

    private static ContactRow row(long number, String email) {
        return new ContactRow(number, email, null, null, null, null);
    }

    @Test
    void theNthRowOfAnEmailGoesToRoundNInFileOrder() {
        var rounds = BatchApplier.rounds(List.of(row(1, "a"), row(2, "b"), row(3, "a"), row(4, "a"), row(5, "c")));
        assertEquals(List.of(List.of(1L, 2L, 5L), List.of(3L), List.of(4L)),
                rounds.stream().map(r -> r.stream().map(ContactRow::number).toList()).toList());
    }

    @Test
    void eachRoundIsSortedByEmailWhileAnEmailsRowsKeepFileOrder() {
        var rounds = BatchApplier.rounds(List.of(row(1, "c"), row(2, "a"), row(3, "c"), row(4, "b"), row(5, "c")));
        assertEquals(List.of(List.of(2L, 4L, 1L), List.of(3L), List.of(5L)),
                rounds.stream().map(r -> r.stream().map(ContactRow::number).toList()).toList());
    }
}
