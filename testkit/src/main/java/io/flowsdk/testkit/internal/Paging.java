package io.flowsdk.testkit.internal;

import java.util.List;

/**
 * SCIM paging (RFC 7644 §3.4.2.4) as the fake applies it. Not public API.
 *
 * <ul>
 *   <li>{@code startIndex} is 1-based, default 1; a value below 1 is treated as 1.</li>
 *   <li>{@code count} defaults to {@code defaultCount}; a negative value is treated as 0; 0 asks
 *       for no resources, only {@code totalResults}; a server-side maximum caps it.</li>
 *   <li>A start beyond the end gives an empty page (never an error).</li>
 * </ul>
 *
 * @param startIndex the effective 1-based start index
 * @param count the effective maximum number of items
 */
public record Paging(long startIndex, long count) {

    /**
     * Reads the paging parameters of a list request.
     *
     * @param startIndex the {@code startIndex} parameter, or null
     * @param count the {@code count} parameter, or null
     * @param defaultCount the count used when none is sent
     * @param maxPageSize a server-side cap on {@code count}, or 0 for none
     * @return the effective paging
     * @throws ApiError 400 when a parameter is not an integer
     */
    public static Paging of(String startIndex, String count, long defaultCount, long maxPageSize) {
        long s = startIndex == null || startIndex.isBlank() ? 1 : parse("startIndex", startIndex);
        long c = count == null || count.isBlank() ? defaultCount : parse("count", count);
        s = Math.max(1, s);
        c = Math.max(0, c);
        if (maxPageSize > 0) {
            c = Math.min(c, maxPageSize);
        }
        return new Paging(s, c);
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ApiError(400, "invalid " + name + " '" + value + "': not an integer");
        }
    }

    /**
     * The items of this page.
     *
     * @param all every matching item, sorted
     * @param <T> the item type
     * @return the sub-list of this page (possibly empty)
     */
    public <T> List<T> slice(List<T> all) {
        long from = startIndex - 1;
        if (from >= all.size() || count == 0) {
            return List.of();
        }
        long to = Math.min(all.size(), from + count);
        return all.subList((int) from, (int) to);
    }
}
