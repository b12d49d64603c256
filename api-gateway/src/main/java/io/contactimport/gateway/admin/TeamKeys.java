package io.contactimport.gateway.admin;

import io.contactimport.gateway.auth.ApiKeyHash;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The operator's command for teams and API keys, written straight into the gateway's schema (the gateway must have
 * started once, so its tables exist). The key is printed once and stored only as its SHA-256 hash. A plain program
 * (no Quarkus), so it runs from the gateway's image with the gateway's own database settings ({@code DB_HOST},
 * {@code DB_PORT}, {@code DB_NAME}, {@code DB_USER}, {@code DB_PASSWORD}; by default the local stack's):
 * <pre>
 *   ./dev key create "Acme"                       a new team and its first key
 *   ./dev key add &lt;team id&gt; [name]                another key for a team
 *   ./dev key revoke &lt;key&gt;                        the key stops working (within API_KEY_CACHE_TTL)
 *   kubectl exec deploy/&lt;release&gt;-api-gateway -- /app/admin key create "Acme"    the same on Kubernetes
 * </pre>
 */
public final class TeamKeys {

    private TeamKeys() {
    }

    public static void main(String[] args) throws SQLException {
        try {
            System.out.println(run(GatewayDatabase.fromEnvironment(), args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./dev key create <team name> | add <team id> [key name] | revoke <key>");
            System.exit(2);
        }
    }

    /** Carries out one command and answers what to print. */
    public static String run(GatewayDatabase database, String... args) throws SQLException {
        String command = args.length == 0 ? "" : args[0];
        try (Connection db = database.connect()) {
            switch (command) {
                case "create" -> {
                    String name = argument(args, 1, "a team name");
                    UUID team = UUID.randomUUID();
                    try (PreparedStatement insert = db.prepareStatement(
                            "INSERT INTO gateway.teams (id, name) VALUES (?, ?)")) {
                        insert.setObject(1, team);
                        insert.setString(2, name);
                        insert.executeUpdate();
                    }
                    return "team " + team + " (" + name + ")\nkey  " + addKey(db, team, "default");
                }
                case "add" -> {
                    UUID team = UUID.fromString(argument(args, 1, "a team id"));
                    return "key  " + addKey(db, team, args.length > 2 ? args[2] : "default");
                }
                case "revoke" -> {
                    try (PreparedStatement revoke = db.prepareStatement(
                            "UPDATE gateway.api_keys SET revoked_at = now() "
                                    + "WHERE key_hash = ? AND revoked_at IS NULL")) {
                        revoke.setString(1, ApiKeyHash.of(argument(args, 1, "the key")));
                        return revoke.executeUpdate() == 1 ? "revoked" : "no such active key";
                    }
                }
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            }
        }
    }

    private static String addKey(Connection db, UUID team, String name) throws SQLException {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        String key = "re_" + HexFormat.of().formatHex(secret);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO gateway.api_keys (id, team_id, name, key_hash) VALUES (?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, team);
            insert.setString(3, name);
            insert.setString(4, ApiKeyHash.of(key));
            insert.executeUpdate();
        }
        return key;
    }

    private static String argument(String[] args, int index, String what) {
        if (args.length <= index || args[index].isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
        return args[index];
    }
}
