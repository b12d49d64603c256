package io.contactimport.support.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingSwitchTest {

    private static final String SDK_DISABLED = TracingSwitch.SDK_DISABLED;

    @Test
    void tracingIsOffWithoutAnEndpoint() {
        assertEquals("true", disabledGiven(Map.of(SDK_DISABLED, "false")));
    }

    @Test
    void anEndpointTurnsTracingOn() {
        assertEquals("false", disabledGiven(Map.of(SDK_DISABLED, "false",
                TracingSwitch.ENDPOINT, "http://collector:4317")));
    }

    @Test
    void theStandardSwitchDecidesWhenSet() {
        assertEquals("true", disabledGiven(Map.of(TracingSwitch.ENDPOINT, "http://collector:4317",
                TracingSwitch.EXPLICIT_SWITCH, "true")));
    }

    @Test
    void otherPropertiesPassThrough() {
        ConfigValue value = new TracingSwitch().getValue(context(Map.of("a", "b")), "a");
        assertEquals("b", value.getValue());
    }

    private static String disabledGiven(Map<String, String> config) {
        return new TracingSwitch().getValue(context(config), SDK_DISABLED).getValue();
    }

    private static ConfigSourceInterceptorContext context(Map<String, String> config) {
        return new ConfigSourceInterceptorContext() {
            @Override
            public ConfigValue proceed(String name) {
                String value = config.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public ConfigValue restart(String name) {
                return proceed(name);
            }

            @Override
            public Iterator<String> iterateNames() {
                return config.keySet().iterator();
            }
        };
    }
}
