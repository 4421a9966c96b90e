package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
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
}
