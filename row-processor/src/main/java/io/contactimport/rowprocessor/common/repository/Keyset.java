package io.contactimport.rowprocessor.common.repository;

import io.contactimport.support.rest.PageRequest;
import io.vertx.mutiny.sqlclient.Tuple;

/** Binds a list query's parameters followed by the page's cursor, when the page has one. */
public final class Keyset {

    private Keyset() {
    }

    public static Tuple withCursor(Tuple parameters, PageRequest page) {
        return page.cursor() == null ? parameters : parameters.addUUID(page.cursor());
    }
}
