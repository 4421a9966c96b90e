package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class SortingTest {
    static JsonObject o(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static List<String> ids(List<JsonObject> list) {
        return list.stream().map(x -> x.get("id").getAsString()).toList();
    }

    static List<JsonObject> sample() {
        return new ArrayList<>(List.of(
                o("{'id':'a','due':'2026-01-03T00:00:00Z','n':10,'name':'bob','meta':{'revision':2}}"),
                o("{'id':'b','n':2,'name':'Alice','meta':{'revision':1}}"),
                o("{'id':'c','due':'2026-01-01T01:00:00+02:00','n':10,'name':'carol'}"),
                o("{'id':'d','due':'2026-01-02T00:00:00Z','n':1.5,'name':'alice','meta':{'revision':3}}"),
                o("{'id':'e','due':null,'n':-3,'name':'Dave'}")));
    }

    @Test
    void ascendingIsTheDefaultAndMissingValuesSortLast() {
        List<JsonObject> l = sample();
        Sorting.sort(l, "due", null);
        // c is 2025-12-31T23:00Z: date-times compare in time order, not as text
        assertEquals(List.of("c", "d", "a", "b", "e"), ids(l));
    }

    @Test
    void descendingPutsMissingValuesFirst() {
        List<JsonObject> l = sample();
        Sorting.sort(l, "due", "descending");
        assertEquals(List.of("b", "e", "a", "d", "c"), ids(l));
    }

    @Test
    void numbersCompareByValueAndTheSortIsStable() {
        List<JsonObject> l = sample();
        Sorting.sort(l, "n", "ascending");
        assertEquals(List.of("e", "d", "b", "a", "c"), ids(l));
        l = sample();
        Sorting.sort(l, "n", "DESCENDING");
        assertEquals(List.of("a", "c", "b", "d", "e"), ids(l), "equal values (a, c) keep insertion order");
    }

    @Test
    void stringsIgnoreCaseAndPathsIgnoreCase() {
        List<JsonObject> l = sample();
        Sorting.sort(l, "NAME", "ascending");
        assertEquals(List.of("b", "d", "a", "c", "e"), ids(l));
        l = sample();
        Sorting.sort(l, "meta.Revision", null);
        assertEquals(List.of("b", "a", "d", "c", "e"), ids(l));
    }

    @Test
    void noSortByKeepsInsertionOrderAndBadOrderIs400() {
        List<JsonObject> l = sample();
        Sorting.sort(l, null, "descending");
        assertEquals(List.of("a", "b", "c", "d", "e"), ids(l));
        assertEquals(400, assertThrows(ApiError.class, () -> Sorting.sort(sample(), "n", "sideways")).status());
    }

    @Test
    void multiValuedAttributesSortByTheirFirstValue() {
        List<JsonObject> l = new ArrayList<>(List.of(o("{'id':'x','g':['z','a']}"), o("{'id':'y','g':['b']}"),
                o("{'id':'z','g':[]}")));
        Sorting.sort(l, "g", null);
        assertEquals(List.of("y", "x", "z"), ids(l));
    }

    /** RFC 7643: {@code id} is case-exact; ordered as UTF-8 bytes, which is code point order. */
    static final Comparator<String> CODE_POINTS = (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    @Test
    void idsSortByCodePointNotIgnoringCaseNorAsDateTimes() {
        List<String> given = List.of("b", "B", "a", "\uFFFD", "\uD83D\uDE00", "2026-01-01T01:00:00+01:00",
                "2026-01-01T00:30:00Z", "A");
        List<JsonObject> l = new ArrayList<>();
        for (String id : given) {
            JsonObject o = new JsonObject();
            o.addProperty("id", id);
            l.add(o);
        }
        Sorting.sort(l, "id", null);
        assertEquals(List.of("2026-01-01T00:30:00Z", "2026-01-01T01:00:00+01:00", "A", "B", "a", "b", "\uFFFD",
                "\uD83D\uDE00"), ids(l));
        Sorting.sort(l, "ID", "descending");
        assertEquals(List.of("\uD83D\uDE00", "\uFFFD", "b", "a", "B", "A", "2026-01-01T01:00:00+01:00",
                "2026-01-01T00:30:00Z"), ids(l));
    }

    /**
     * Keyset paging asks {@code id gt "<last id>"} over a list sorted by id: the fake's sort and its
     * filter must order ids the same way, or items are skipped or repeated.
     */
    @Test
    void theSortByIdAndTheFilterIdGtAgreeOnRandomIds() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String alphabet = "aAbBzZ09-_:+T\u00e9\u00c9\uFFFD\uD83D\uDE00\uD800\uDC00\u4e2d";
        SdkFilterSupport filters = new SdkFilterSupport();
        for (int round = 0; round < 50; round++) {
            List<JsonObject> l = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = randomId(random, alphabet);
                if (expected.contains(id)) {
                    continue;
                }
                expected.add(id);
                JsonObject o = new JsonObject();
                o.addProperty("id", id);
                l.add(o);
            }
            expected.sort(CODE_POINTS);
            Sorting.sort(l, "id", "ascending");
            assertEquals(expected, ids(l), "seed " + seed);
            for (int i = 0; i < l.size(); i++) {
                Predicate<JsonObject> after = filters.compile(io.flowsdk.client.filter.Filter.gt("id", expected.get(i)).toString());
                for (int j = 0; j < l.size(); j++) {
                    assertEquals(j > i, after.test(l.get(j)), "seed " + seed + ": id gt " + expected.get(i) + " on " + expected.get(j));
                }
            }
        }
    }

    private static String randomId(Random random, String alphabet) {
        int[] points = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(4) == 0) {
            sb.append("2026-01-0").append(1 + random.nextInt(3)).append('T').append(random.nextInt(2)).append("1:00:00")
                    .append(random.nextBoolean() ? "Z" : "+01:00");
        }
        int extra = sb.length() > 0 ? random.nextInt(2) : 1 + random.nextInt(4); // date-times alone now and then
        for (int n = 0; n < extra; n++) {
            sb.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return sb.toString();
    }
}
