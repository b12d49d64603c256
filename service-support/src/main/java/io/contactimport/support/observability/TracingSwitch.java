package io.contactimport.support.observability;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Tracing is on exactly when there is somewhere to send it: the OpenTelemetry SDK stays disabled unless
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, so an operator turns tracing on with that one setting, and a service
 * without a collector neither records spans nor retries exports to localhost. {@code OTEL_SDK_DISABLED}, when set,
 * decides instead.
 */
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
    static final String EXPLICIT_SWITCH = "OTEL_SDK_DISABLED";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SDK_DISABLED.equals(name)) {
            return value;
        }
        ConfigValue explicit = context.proceed(EXPLICIT_SWITCH);
        String disabled = isSet(explicit) ? explicit.getValue() : Boolean.toString(!isSet(context.proceed(ENDPOINT)));
        return value == null
                ? ConfigValue.builder().withName(name).withValue(disabled).withConfigSourceName("TracingSwitch").build()
                : value.withValue(disabled);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }
}
