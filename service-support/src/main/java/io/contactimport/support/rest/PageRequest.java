package io.contactimport.support.rest;

import io.contactimport.contracts.api.ApiException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A list request as the API documents it: {@code limit} 1–100, then {@code after} or {@code before} an id, newest
 * first. Lists are keyset-paged on {@code (created_at, id)}, so a page costs the same wherever it starts.
 */
public record PageRequest(int limit, UUID after, UUID before) {

    /** Answers 422 {@code validation_error} for a bad limit, a bad cursor, or both cursors at once. */
    public static PageRequest of(String limit, String after, String before, int defaultLimit) {
        if (after != null && before != null) {
            throw ApiException.validation("Use either `after` or `before`, not both.");
        }
        return new PageRequest(limit(limit, defaultLimit), cursor(after, "after"), cursor(before, "before"));
    }

    public static int limit(String value, int defaultLimit) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 100) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.validation("The pagination limit must be a number between 1 and 100.");
    }

    private static UUID cursor(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("`" + name + "` must be the id of an item of the list.");
        }
    }

    /** The cursor to bind as the clause's parameter, or null when the page starts at the newest item. */
    public UUID cursor() {
        return after != null ? after : before;
    }

    /**
     * The end of a query over {@code alias} (a table with {@code created_at} and {@code id}): the cursor condition
     * (bound as {@code $cursorParameter}), the order and a limit of one row more than the page, which tells
     * {@link #page} whether there is more. Paging backwards reads the nearest newer rows first.
     */
    public String keysetClause(String alias, String table, int cursorParameter) {
        String position = "(" + alias + ".created_at, " + alias + ".id)";
        String cursorRow = "(SELECT created_at, id FROM " + table + " WHERE id = $" + cursorParameter + ")";
        String order = before != null ? " ASC" : " DESC";
        String condition = after != null ? " AND " + position + " < " + cursorRow
                : before != null ? " AND " + position + " > " + cursorRow : "";
        return condition + " ORDER BY " + alias + ".created_at" + order + ", " + alias + ".id" + order
                + " LIMIT " + (limit + 1);
    }

    /** The page out of the rows {@link #keysetClause} selected, newest first. */
    public <T> Page<T> page(List<T> rows) {
        List<T> data = new ArrayList<>(rows.subList(0, Math.min(limit, rows.size())));
        if (before != null) {
            Collections.reverse(data);
        }
        return new Page<>(data, rows.size() > limit);
    }

    /** One page of a list: {@code {"object":"list","has_more":…,"data":[…]}}. */
    public record Page<T>(String object, boolean hasMore, List<T> data) {
        Page(List<T> data, boolean hasMore) {
            this("list", hasMore, List.copyOf(data));
        }

        public <R> Page<R> map(java.util.function.Function<T, R> mapper) {
            return new Page<>("list", hasMore, data.stream().map(mapper).toList());
        }
    }
}
