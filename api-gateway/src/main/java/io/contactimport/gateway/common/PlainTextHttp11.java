package io.contactimport.gateway.common;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * No HTTP/2 over plain text (h2c). To upgrade a connection, the server must hold the whole upgrading request, body
 * included, in memory: one 177 MB upload from a client that asks for it (the JDK's HttpClient does) took the gateway
 * from 260 to 430 MB. Such clients carry on over HTTP/1.1, where uploads stream to disk. HTTP/2 over TLS is unchanged.
 */
@ApplicationScoped
public class PlainTextHttp11 implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(false);
    }
}
