package io.contactimport.gateway.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Creates the team and key given by {@code BOOTSTRAP_API_KEY} (./dev up), so a fresh system can be called at once. */
public class DevKeyBootstrap {

    private static final Logger LOG = Logger.getLogger(DevKeyBootstrap.class);

    void onStart(@Observes StartupEvent event, ApiKeys keys,
                 @ConfigProperty(name = "bootstrap.api-key") Optional<String> apiKey,
                 @ConfigProperty(name = "bootstrap.team-name") String teamName) {
        apiKey.filter(key -> !key.isBlank()).ifPresent(key -> {
            var team = keys.ensureTeamKey(teamName, key).await().atMost(Duration.ofSeconds(30));
            LOG.infof("bootstrap API key ready for team '%s' (%s)", teamName, team);
        });
    }
}
