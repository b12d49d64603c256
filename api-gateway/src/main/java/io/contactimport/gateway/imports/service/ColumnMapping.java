package io.contactimport.gateway.imports.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactimport.contracts.api.ApiException;
import io.contactimport.contracts.imports.ColumnMap;
import io.contactimport.contracts.imports.DateOrder;
import io.contactimport.contracts.imports.PropertyType;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a request's {@code column_map}, or derives one from the header by the default rule, and checks it. */
public final class ColumnMapping {

    private static final Pattern PROPERTY_KEY = Pattern.compile("^[A-Za-z0-9_]{1,50}$");
    private static final Set<String> KEYS = Set.of("email", "first_name", "last_name", "unsubscribed", "properties");

    /** Header spellings of the core fields, compared after {@link #normalise(String)}. */
    private static final Map<String, Set<String>> ALIASES = Map.of(
            "email", Set.of("email", "emailaddress", "mail", "emailaddr", "useremail", "contactemail",
                    "correo", "correoelectronico", "courriel", "adresseemail", "emailadresse", "メールアドレス"),
            "first_name", Set.of("firstname", "first", "givenname", "forename", "fname", "prenom", "nombre",
                    "vorname", "nome", "名"),
            "last_name", Set.of("lastname", "last", "surname", "familyname", "lname", "nom", "apellido", "apellidos",
                    "nachname", "sobrenome", "姓"),
            "unsubscribed", Set.of("unsubscribed", "unsubscribe", "optedout", "optout", "isunsubscribed"));

    private ColumnMapping() {
    }

    public static ColumnMap resolve(ObjectMapper json, String columnMap, List<String> header) {
        ColumnMap map = columnMap == null || columnMap.isBlank() ? byDefaultRule(header) : parse(json, columnMap);
        check(map, header);
        return map;
    }

    static ColumnMap byDefaultRule(List<String> header) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String column : header) {
            String normalised = normalise(column);
            ALIASES.forEach((field, aliases) -> {
                if (aliases.contains(normalised)) {
                    found.putIfAbsent(field, column);
                }
            });
        }
        return new ColumnMap(found.get("email"), found.get("first_name"), found.get("last_name"),
                found.get("unsubscribed"), Map.of());
    }

    /** Lower case, accents removed, and spaces, {@code _}, {@code -} and {@code .} dropped. */
    static String normalise(String header) {
        String stripped = Normalizer.normalize(header.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    private static ColumnMap parse(ObjectMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (Exception e) {
            throw ApiException.validation("`column_map` is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.validation("`column_map` must be a JSON object.");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw ApiException.validation("`column_map` has an unknown key `" + name
                        + "`: use email, first_name, last_name, unsubscribed and properties.");
            }
        }
        Map<String, ColumnMap.PropertyColumn> properties = new LinkedHashMap<>();
        JsonNode props = root.get("properties");
        // PHP encodes an empty map as [], so an empty array means no properties too.
        if (props != null && !props.isNull() && !(props.isArray() && props.isEmpty())) {
            if (!props.isObject()) {
                throw ApiException.validation("`column_map.properties` must be an object of {key: {column, type}}.");
            }
            props.fields().forEachRemaining(entry -> properties.put(entry.getKey(),
                    property(entry.getKey(), entry.getValue())));
        }
        return new ColumnMap(header(root, "email"), header(root, "first_name"), header(root, "last_name"),
                header(root, "unsubscribed"), properties);
    }

    private static ColumnMap.PropertyColumn property(String key, JsonNode spec) {
        if (!PROPERTY_KEY.matcher(key).matches()) {
            throw ApiException.validation("Property key `" + key
                    + "` is invalid: use 1 to 50 letters, digits or underscores.");
        }
        if (!spec.isObject() || !spec.path("column").isTextual()) {
            throw ApiException.validation("Property `" + key + "` needs a `column` naming a header of the file.");
        }
        String type = spec.path("type").isMissingNode() || spec.path("type").isNull() ? "string" : spec.path("type").asText();
        PropertyType propertyType;
        try {
            propertyType = PropertyType.fromApiValue(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("Property `" + key + "` has unknown type `" + type
                    + "`: use string, number, boolean or date.");
        }
        return new ColumnMap.PropertyColumn(spec.get("column").asText(), propertyType,
                dateOrder(key, propertyType, spec.path("format")));
    }

    /** A date column's optional {@code format}: which of day and month its values write first. */
    private static DateOrder dateOrder(String key, PropertyType type, JsonNode format) {
        if (format.isMissingNode() || format.isNull()) {
            return null;
        }
        if (type != PropertyType.DATE) {
            throw ApiException.validation("Property `" + key + "` has a `format`, which only a date property takes.");
        }
        try {
            return DateOrder.fromApiValue(format.asText());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("Property `" + key + "` has unknown format `" + format.asText()
                    + "`: use DD/MM/YYYY or MM/DD/YYYY (ISO 8601 dates need no format).");
        }
    }

    private static String header(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.validation("`column_map." + field + "` must be a header name (a string).");
        }
        return value.asText();
    }

    private static void check(ColumnMap map, List<String> header) {
        if (map.email() == null) {
            throw ApiException.validation("No email column: the header has no column named like `email`; "
                    + "name it in `column_map.email`.");
        }
        Map<String, String> mapped = new LinkedHashMap<>();
        mapped.put("email", map.email());
        mapped.put("first_name", map.firstName());
        mapped.put("last_name", map.lastName());
        mapped.put("unsubscribed", map.unsubscribed());
        map.properties().forEach((key, column) -> mapped.put("properties." + key, column.column()));
        mapped.forEach((field, column) -> {
            if (column != null && !header.contains(column)) {
                throw ApiException.validation("Column `" + column + "` (mapped to " + field
                        + ") is not in the file's header.");
            }
        });
    }
}
