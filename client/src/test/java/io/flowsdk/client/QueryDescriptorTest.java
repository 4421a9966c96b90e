package io.flowsdk.client;

import io.flowsdk.client.filter.FilterGenerators;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.testing.PropertyCheck;
import io.flowsdk.client.testing.SeededRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Query descriptors: a query as text without its client, read back exactly, and refused when malformed. */
class QueryDescriptorTest {
    private static FlowsClient client;
    private static FlowsClient other;

    @BeforeAll
    static void clients() {
        client = FlowsClient.builder().baseUrl("http://127.0.0.1:1/api/v1").bearerToken("secret-token-1").build();
        other = FlowsClient.builder().baseUrl("https://other.example.com/api/v2").bearerToken("secret-token-2").build();
    }

    @AfterAll
    static void close() {
        client.close();
        other.close();
    }

    static Query<Task> randomQuery(SeededRandom r) {
        Query<Task> q = client.tasks().list();
        if (r.chance(0.7)) {
            q = r.nextBoolean() ? q.filter(FilterGenerators.filter(r)) : q.filter(FilterGenerators.filter(r).toString());
        }
        boolean keyset = r.chance(0.3);
        if (!keyset && r.chance(0.5)) {
            String by = FilterGenerators.attributePath(r);
            q = r.nextBoolean() ? q.sortBy(by) : q.sortBy(by, r.pick(SortOrder.values()));
        }
        if (r.chance(0.5)) {
            q = q.attributes(r.listOf(0, 4, () -> FilterGenerators.attributePath(r)).toArray(new String[0]));
        }
        if (r.chance(0.5)) {
            q = q.excludedAttributes(r.listOf(0, 4, () -> FilterGenerators.attributePath(r)).toArray(new String[0]));
        }
        if (r.chance(0.5)) {
            q = q.forTime(FilterGenerators.dateTimeSince1970(r));
        }
        if (r.chance(0.5)) {
            q = q.pageSize(r.intBetween(1, Query.MAX_PAGE_SIZE));
        }
        if (!keyset && r.chance(0.5)) {
            q = q.startIndex(r.chance(0.1) ? Long.MAX_VALUE : r.longBetween(1, 1_000_000));
        }
        if (r.chance(0.5)) {
            q = q.limit(r.chance(0.1) ? Long.MAX_VALUE : r.longBetween(0, 1_000_000));
        }
        if (!keyset && r.chance(0.3)) {
            q = q.parallelism(r.intBetween(1, Query.MAX_PARALLELISM));
        }
        if (r.chance(0.3)) {
            q = q.snapshot();
        }
        return keyset ? q.keyset() : q;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("io.flowsdk.client.testing.SeededRandom#runSeeds")
    void everyQueryRoundTripsThroughItsDescriptorOnAnyClient(long seed) {
        PropertyCheck.forAll(seed, "queryDescriptorRoundTrip", 2000, QueryDescriptorTest::randomQuery, q -> {
            String d = q.toDescriptor();
            Query<Task> again = other.tasks().list(d);
            assertEquals(q.toString(), again.toString(), d);
            assertEquals(d, again.toDescriptor());
            assertTrue(d.startsWith("flows-query/v1/tasks"), d);
            for (int i = 0; i < d.length(); i++) {
                char c = d.charAt(i);
                assertTrue(c > 0x20 && c < 0x7f, "printable ASCII, no space: " + d);
            }
            assertFalse(d.contains("secret") || d.contains("127.0.0.1") || d.contains("example.com"), d);
        });
    }

    @Test
    void aDescriptorReadsAsDocumented() {
        Query<Task> q = client.tasks().list().filter("status eq \"pending\"").sortBy("due", SortOrder.DESCENDING)
                .attributes("id", "status").forTime(OffsetDateTime.parse("2026-01-01T00:00:00+02:00"))
                .startIndex(2501).limit(2500);
        assertEquals("flows-query/v1/tasks?filter=status%20eq%20%22pending%22&sortBy=due&sortOrder=descending"
                + "&attributes=id,status&forTime=2026-01-01T00:00:00+02:00&startIndex=2501&limit=2500", q.toDescriptor());
        assertEquals("flows-query/v1/tasks", client.tasks().list().toDescriptor());
        assertEquals("flows-query/v1/flows?pageSize=7&keyset=true", client.flows().list().pageSize(7).keyset().toDescriptor());
        assertEquals("flows-query/v1/tasks?forTime=2026-01-01T00:00:00.5Z&parallelism=4&snapshot=true",
                client.tasks().list().forTime(OffsetDateTime.parse("2026-01-01T00:00:00.500Z")).parallelism(4)
                        .snapshot().toDescriptor());
        assertEquals("flows-query/v1/tasks?filter=displayName%20eq%20%22%C3%A9%26%3D%25%3F%23%20+%22",
                client.tasks().list().filter("displayName eq \"\u00e9&=%?# +\"").toDescriptor());
        // parameters in any order are read too
        assertEquals(q.toString(), client.tasks().list("flows-query/v1/tasks?limit=2500&startIndex=2501"
                + "&forTime=2026-01-01T00:00:00+02:00&attributes=id,status&sortOrder=descending&sortBy=due"
                + "&filter=status%20eq%20%22pending%22").toString());
    }

    @Test
    void aDescriptorOfTheOtherResourceIsRefused() {
        String flows = client.flows().list().toDescriptor();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.tasks().list(flows));
        assertTrue(e.getMessage().contains("client.flows().list(descriptor)"), e.getMessage());
        String tasks = client.tasks().list().toDescriptor();
        assertThrows(IllegalArgumentException.class, () -> client.flows().list(tasks));
        Query<FlowInstance> ok = client.flows().list(flows);
        assertEquals(flows, ok.toDescriptor());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "tasks", "flows-query/v1", "flows-query/v1/", "flows-query/v1/users", "flows-query/v2/tasks",
        "flows-query/v1/tasks?", "flows-query/v1/tasks?filter", "flows-query/v1/tasks?=x",
        "flows-query/v1/tasks?color=blue", "flows-query/v1/tasks?limit=1&limit=2",
        "flows-query/v1/tasks?filter=status%2", "flows-query/v1/tasks?filter=status%zz", "flows-query/v1/tasks?filter=%FF",
        "flows-query/v1/tasks?filter=a b", "flows-query/v1/tasks?filter=status%20eq", "flows-query/v1/tasks?sortBy=a%20b",
        "flows-query/v1/tasks?sortBy=due&sortOrder=up", "flows-query/v1/tasks?sortOrder=ascending",
        "flows-query/v1/tasks?attributes=id,,status", "flows-query/v1/tasks?attributes=id,a%26b",
        "flows-query/v1/tasks?forTime=2026-01-01", "flows-query/v1/tasks?forTime=2026-01-01T00:00:00",
        "flows-query/v1/tasks?startIndex=0", "flows-query/v1/tasks?startIndex=-1", "flows-query/v1/tasks?limit=x",
        "flows-query/v1/tasks?limit=99999999999999999999", "flows-query/v1/tasks?pageSize=0",
        "flows-query/v1/tasks?pageSize=1001", "flows-query/v1/tasks?parallelism=33", "flows-query/v1/tasks?snapshot=yes",
        "flows-query/v1/tasks?keyset=true&sortBy=id", "flows-query/v1/tasks?keyset=true&startIndex=5",
        "flows-query/v1/tasks?keyset=true&parallelism=2", "FLOWS-QUERY/v1/tasks"})
    void malformedDescriptorsAreRefused(String descriptor) {
        assertThrows(IllegalArgumentException.class, () -> client.tasks().list(descriptor));
    }

    @Test
    void aNullDescriptorIsANullPointer() {
        assertThrows(NullPointerException.class, () -> client.tasks().list((String) null));
    }

    @Test
    void partitionsAreRefusedOnKeysetQueriesAndOutOfRange() {
        assertThrows(IllegalStateException.class, () -> client.tasks().list().keyset().partitions(2));
        assertThrows(IllegalArgumentException.class, () -> client.tasks().list().partitions(0));
        assertThrows(IllegalArgumentException.class, () -> client.tasks().list().partitions(Query.MAX_PARTITIONS + 1));
    }
}
