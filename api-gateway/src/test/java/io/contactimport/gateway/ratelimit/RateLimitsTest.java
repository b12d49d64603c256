package io.contactimport.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    private final RateLimits limits = new RateLimits(3);
    private final UUID team = UUID.randomUUID();

    @Test
    void aTeamGetsItsLimitPerSecondAndAFreshWindowTheNextSecond() {
        long second = 1_700_000_000_000L;
        assertEquals(2, limits.take(team, second).remaining());
        limits.take(team, second + 100);
        RateLimits.Verdict third = limits.take(team, second + 200);
        assertTrue(third.allowed());
        assertEquals(0, third.remaining());
        assertFalse(limits.take(team, second + 999).allowed());
        assertTrue(limits.take(team, second + 1000).allowed());
    }

    @Test
    void teamsDoNotShareALimit() {
        long now = 1_700_000_000_000L;
        for (int i = 0; i < 4; i++) {
            limits.take(team, now);
        }
        assertTrue(limits.take(UUID.randomUUID(), now).allowed());
    }
}
