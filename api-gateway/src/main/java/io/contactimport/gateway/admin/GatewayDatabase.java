package io.contactimport.gateway.admin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/**
 * The gateway's database as the admin commands reach it: the settings the gateway itself is started with, including
 * {@code QUARKUS_DATASOURCE_JDBC_URL} when it is set (e.g. with {@code ?sslmode=require}).
 */
public record GatewayDatabase(String jdbcUrl, String user, String password) {

    public static GatewayDatabase fromEnvironment() {
        Map<String, String> env = System.getenv();
        String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://"
                + env.getOrDefault("DB_HOST", "127.0.0.1") + ":" + env.getOrDefault("DB_PORT", "25432") + "/"
                + env.getOrDefault("DB_NAME", "postgres"));
        return new GatewayDatabase(url, env.getOrDefault("DB_USER", "postgres"),
                env.getOrDefault("DB_PASSWORD", "postgres"));
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
