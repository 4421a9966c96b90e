package io.flowsdk.client.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The list parameters of a query, other than paging; every field may be null. */
public record ListParams(String filter, String sortBy, String sortOrder, List<String> attributes,
                         List<String> excludedAttributes, OffsetDateTime forTime) {
    public static final ListParams NONE = new ListParams(null, null, null, List.of(), List.of(), null);

    public ListParams {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        excludedAttributes = excludedAttributes == null ? List.of() : List.copyOf(excludedAttributes);
    }

    public ListParams withFilter(String f) {
        return new ListParams(f, sortBy, sortOrder, attributes, excludedAttributes, forTime);
    }

    public ListParams withSort(String by, String order) {
        return new ListParams(filter, by, order, attributes, excludedAttributes, forTime);
    }

    public ListParams withAttributes(List<String> a) {
        return new ListParams(filter, sortBy, sortOrder, a, excludedAttributes, forTime);
    }

    public ListParams withExcludedAttributes(List<String> a) {
        return new ListParams(filter, sortBy, sortOrder, attributes, a, forTime);
    }

    public ListParams withForTime(OffsetDateTime t) {
        return new ListParams(filter, sortBy, sortOrder, attributes, excludedAttributes, t);
    }

    /**
     * These parameters as a keyset iteration sends them: sorted by {@code id} ascending, with
     * {@code id} among the attributes when the attributes are restricted, and never among the
     * excluded ones (each page's filter needs the last id).
     */
    public ListParams forKeyset() {
        List<String> attrs = attributes;
        if (!attrs.isEmpty() && attrs.stream().noneMatch(ListParams::isId)) {
            attrs = new ArrayList<>(attrs);
            attrs.add("id");
        }
        List<String> excluded = excludedAttributes.stream().filter(a -> !isId(a)).toList();
        return new ListParams(filter, "id", "ascending", attrs, excluded, forTime);
    }

    private static boolean isId(String attribute) {
        return attribute.substring(attribute.lastIndexOf(':') + 1).equalsIgnoreCase("id");
    }
}
