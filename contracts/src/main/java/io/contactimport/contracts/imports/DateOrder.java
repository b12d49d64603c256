package io.contactimport.contracts.imports;

/**
 * Which of day and month comes first in a date column whose values do not start with the year ({@code 03/04/2025}
 * is 3 April in a French export, March 4 in an American one). Values cannot say it themselves when every day is 12
 * or less, so a column map names it; ISO 8601 dates need none.
 */
public enum DateOrder {
    DAY_FIRST("DD/MM/YYYY"), MONTH_FIRST("MM/DD/YYYY");

    private final String apiValue;

    DateOrder(String apiValue) {
        this.apiValue = apiValue;
    }

    /** The {@code format} of a column map's date property. */
    public String apiValue() {
        return apiValue;
    }

    public static DateOrder fromApiValue(String value) {
        for (DateOrder order : values()) {
            if (order.apiValue.equals(value)) {
                return order;
            }
        }
        throw new IllegalArgumentException("unknown date format '" + value + "'");
    }
}
