package io.flowsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagingTest {
    static final List<Integer> TEN = IntStream.rangeClosed(1, 10).boxed().toList();

    @ParameterizedTest(name = "startIndex={0} count={1} -> start {2}, count {3}, items {4}")
    @CsvSource(nullValues = "null", value = {
        "null, null, 1, 100, 1-10",
        "1,    3,    1, 3,   1-3",
        "4,    3,    4, 3,   4-6",
        "9,    5,    9, 5,   9-10",
        "10,   5,    10, 5,  10-10",
        "11,   5,    11, 5,  ''",
        "1000, 5,    1000, 5, ''",
        "0,    2,    1, 2,   1-2",
        "-7,   2,    1, 2,   1-2",
        "1,    0,    1, 0,   ''",
        "1,    -1,   1, 0,   ''",
        "3,    -50,  3, 0,   ''",
    })
    void pagingMath(String startIndex, String count, long start, long effectiveCount, String items) {
        Paging p = Paging.of(startIndex, count, 100, 0);
        assertEquals(start, p.startIndex());
        assertEquals(effectiveCount, p.count());
        assertEquals(expected(items), p.slice(TEN));
    }

    @Test
    void serverCapLimitsCount() {
        assertEquals(50, Paging.of("1", "500", 100, 50).count());
        assertEquals(50, Paging.of(null, null, 100, 50).count());
        assertEquals(20, Paging.of("1", "20", 100, 50).count());
        assertEquals(0, Paging.of("1", "0", 100, 50).count());
    }

    @Test
    void nonIntegerIs400() {
        ApiError e = assertThrows(ApiError.class, () -> Paging.of("x", "1", 100, 0));
        assertEquals(400, e.status());
        assertThrows(ApiError.class, () -> Paging.of("1", "1.5", 100, 0));
    }

    @Test
    void hugeValuesDoNotOverflow() {
        Paging p = Paging.of(String.valueOf(Long.MAX_VALUE), String.valueOf(Long.MAX_VALUE), 100, 0);
        assertEquals(List.of(), p.slice(TEN));
        assertEquals(TEN, Paging.of("1", String.valueOf(Long.MAX_VALUE), 100, 0).slice(TEN));
    }

    private static List<Integer> expected(String range) {
        if (range == null || range.isEmpty()) {
            return List.of();
        }
        String[] p = range.split("-");
        return IntStream.rangeClosed(Integer.parseInt(p[0]), Integer.parseInt(p[1])).boxed().toList();
    }
}
