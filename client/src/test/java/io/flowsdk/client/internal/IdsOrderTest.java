package io.flowsdk.client.internal;

import io.flowsdk.client.testing.PropertyCheck;
import io.flowsdk.client.testing.SeededRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ids order by code point, which is the order of their UTF-8 bytes. */
class IdsOrderTest {
    private static final String ALPHABET = "aAzZ09-\u00e9\uD7FF\uE000\uFFFD\uD83D\uDE00\uD800\uDC00\uDBFF\uDFFF";

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("io.flowsdk.client.testing.SeededRandom#runSeeds")
    void compareAgreesWithCodePointsAndUtf8Bytes(long seed) {
        int[] points = ALPHABET.codePoints().toArray();
        PropertyCheck.forAll(seed, "idsOrder", 5000, r -> List.of(id(r, points), id(r, points)), pair -> {
            String a = pair.get(0);
            String b = pair.get(1);
            int expected = Integer.signum(Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
            assertEquals(expected, Integer.signum(Ids.compare(a, b)));
            assertEquals(expected, Integer.signum(Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8))));
        });
    }

    private static String id(SeededRandom r, int[] points) {
        StringBuilder sb = new StringBuilder();
        for (int n = r.intBetween(0, 5); n > 0; n--) {
            sb.appendCodePoint(points[r.nextInt(points.length)]);
        }
        return sb.toString();
    }
}
