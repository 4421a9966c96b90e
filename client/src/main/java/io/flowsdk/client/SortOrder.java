package io.flowsdk.client;

/** The order of a sorted list: the {@code sortOrder} query parameter. */
public enum SortOrder {
    /** Smallest first; sent as {@code ascending}. */
    ASCENDING("ascending"),
    /** Largest first; sent as {@code descending}. */
    DESCENDING("descending");

    private final String wireValue;

    SortOrder(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value sent on the wire: {@code ascending} or {@code descending}} */
    public String wireValue() {
        return wireValue;
    }
}
