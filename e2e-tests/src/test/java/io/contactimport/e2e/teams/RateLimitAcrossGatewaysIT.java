package io.contactimport.e2e.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.contactimport.e2e.support.RunningSystem;
import io.contactimport.stack.LocalStack;
import io.contactimport.stack.Service;
import io.contactimport.stack.ServiceFleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A team's rate limit is one limit, however many gateway instances share its requests. */
class RateLimitAcrossGatewaysIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoGatewaysTogetherAllowTheLimitOnce() throws Exception {
        RunningSystem system = RunningSystem.shared();
        ServiceFleet.Instance second = system.fleet().start(Service.API_GATEWAY, LocalStack.freePort());
        try {
            String key = system.newTeamKey();
            List<String> gateways = List.of(system.api(), second.baseUrl());
            int limit = RunningSystem.RATE_LIMIT_PER_SECOND;
            for (int attempt = 0; ; attempt++) {
                Burst burst = burst(key, gateways, 2 * limit);
                if (burst.withinOneSecond() || attempt == 4) {
                    assertThat(burst.withinOneSecond()).as("a burst fitted into one second").isTrue();
                    // Each gateway got `limit` requests: counted apart, all 2 × limit would have passed.
                    assertThat(burst.allowed()).as("requests let through by both gateways together").isEqualTo(limit);
                    assertThat(burst.limitedByEach().stream().mapToInt(Integer::intValue).sum()).isEqualTo(limit);
                    break;
                }
            }
        } finally {
            system.fleet().kill(second);
        }
    }

    /** How many of a burst's requests were let through, and how many each gateway answered with 429. */
    private record Burst(boolean withinOneSecond, int allowed, List<Integer> limitedByEach) {
    }

    /** Sends {@code requests} at once, alternating between the gateways, right after a second begins. */
    private static Burst burst(String key, List<String> gateways, int requests) throws Exception {
        RunningSystem.sleep(1000 - System.currentTimeMillis() % 1000 + 20);
        long second = System.currentTimeMillis() / 1000;
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            URI uri = URI.create(gateways.get(i % gateways.size()) + "/contacts/imports/" + UUID.randomUUID());
            answers.add(HTTP.sendAsync(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int allowed = 0;
        int[] limited = new int[gateways.size()];
        for (int i = 0; i < answers.size(); i++) {
            HttpResponse<String> answer = answers.get(i).join();
            if (answer.statusCode() == 429) {
                limited[i % gateways.size()]++;
                assertThat(answer.body()).contains("\"name\":\"rate_limit_exceeded\"");
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
                allowed++;
            }
        }
        boolean withinOneSecond = System.currentTimeMillis() / 1000 == second;
        return new Burst(withinOneSecond, allowed, List.of(limited[0], limited[1]));
    }
}
