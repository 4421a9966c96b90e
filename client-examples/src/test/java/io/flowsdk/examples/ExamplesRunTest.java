package io.flowsdk.examples;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every runnable example runs to completion against the embedded stub and prints what it promises. */
class ExamplesRunTest {
    @BeforeAll
    static void onlyAgainstTheEmbeddedStub() {
        Assumptions.assumeTrue(System.getenv("FLOWS_BASE_URL") == null, "FLOWS_BASE_URL points at a real API");
    }

    private static String run(Consumer<String[]> main) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            main.accept(new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void asyncCallsCompletesAPageConcurrentlyAndAwaitsOne() {
        String out = run(AsyncCalls::main);
        assertTrue(out.lines().filter(l -> l.endsWith("-> completed")).count() == 5, out);
        assertTrue(out.contains("no-such-task: not found"), out);
        assertTrue(out.contains(": completed"), out);
    }

    @Test
    void observabilityPrintsTheMetersAndSpansOfItsRun() {
        String out = run(Observability::main);
        for (String line : new String[] {
            "flows.client.requests          method=GET operation=tasks.get outcome=SUCCESS status=200",
            "flows.client.attempts          method=GET operation=tasks.get outcome=RATE_LIMITED status=429",
            "flows.client.rate_limited      operation=tasks.get ",
            "flows.client.retries           operation=tasks.get reason=RATE_LIMITED ",
            "flows.client.retries           operation=tasks.get reason=UNAUTHORIZED ",
            "flows.client.requests          method=GET operation=tasks.get outcome=CLIENT_ERROR status=404",
            "flows.client.requests          method=POST operation=flows.cancel outcome=SUCCESS status=207",
            "flows.client.partial_results   operation=flows.cancel ",
            "flows.client.token.refreshes   outcome=SUCCESS reason=INITIAL ",
            "flows.client.token.refreshes   outcome=SUCCESS reason=REJECTED ",
            "flows.client.pages             operation=tasks.list ",
            "flows.client.iteration.items   operation=tasks.list outcome=SUCCESS ",
            "tasks.iterate (INTERNAL)",
            "oauth2.token (CLIENT)"}) {
            assertTrue(out.contains(line), "missing '" + line + "' in:\n" + out);
        }
        assertTrue(out.contains("flow cancel answered 207"), out);
        assertTrue(out.contains("the iteration's span has 12 page spans as children"), out);
    }

    @Test
    void connectWithClientCredentialsFetchesOneTokenForAllItsCalls() {
        String out = run(ConnectWithClientCredentials::main);
        assertTrue(out.contains("token requests: 1 for 5 API calls"), out);
        assertTrue(out.contains("every API request carried that token: true"), out);
        assertTrue(out.contains("client credentials (client id " + ConnectWithClientCredentials.CLIENT_ID), out);
        assertTrue(!out.contains("example-secret"), "the secret was printed:\n" + out);
    }

    @Test
    void theDemoConnectsWithClientCredentialsAndFetchesOneToken() {
        String out = run(Demo::main);
        List<String> lines = out.lines().collect(Collectors.toList());
        assertEquals("Flows Java SDK demo", lines.get(0), out);
        assertTrue(lines.get(2).startsWith("Connected to http://127.0.0.1:"), out);
        assertTrue(lines.get(2).endsWith(" as " + Demo.CLIENT_ID + " (client credentials)."), out);
        assertEquals("Token requested 1 time for 2 calls: cached, refreshed before it expires.", lines.get(3), out);
        assertEquals("Seeded 3 flow instances and 1,200 tasks.", lines.get(4), out);
        assertTrue(out.contains("orThrow() -> PartialFailureException"), out);
        String done = lines.get(lines.size() - 1);
        assertTrue(done.matches("Done: \\d+ calls to the API, token requested 1 time, \\d+ ms in all\\."), done);
    }

    @Test
    void completeTaskPrintsTheCompletedTask() {
        String out = run(CompleteTask::main);
        assertTrue(out.contains("is now completed"), out);
    }

    @Test
    void partitionedScanCompletesTheSnapshotOnceAcrossFourWorkers() {
        String out = run(args -> {
            try {
                PartitionedScan.main(args);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(out.contains("partition 1 of 4: flows-query/v1/tasks?"), out);
        assertTrue(out.lines().filter(l -> l.matches("worker \\d reviewed 2500 tasks, approved \\d+")).count() == 4, out);
        assertTrue(out.contains("union: 10000 tasks, the snapshot's 10000: true; each once: true"), out);
        assertTrue(out.contains("pending tasks left: 9000"), out);
    }

    @Test
    void theOtherExamplesRunToCompletion() {
        for (Consumer<String[]> main : java.util.List.<Consumer<String[]>>of(ListAllTasks::main, FilterAndSort::main,
                CountTasks::main, CancelTask::main, CancelFlow::main, ErrorHandling::main)) {
            String out = run(main);
            assertTrue(!out.isBlank(), "printed nothing");
        }
    }
}
