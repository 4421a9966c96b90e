package io.flowsdk.client.internal.auth;

import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.error.AuthenticationException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four authenticators behind the SPI, without HTTP. */
class AuthenticatorsTest {
    /** Runs nothing until the test says so, on the test's thread, and remembers what it was given. */
    static final class ManualExecutor implements Executor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public void execute(Runnable r) {
            queued.add(r);
        }

        void runAll() {
            List<Runnable> now = new ArrayList<>(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }

    private static Throwable failure(CompletableFuture<?> f) {
        return assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS)).getCause();
    }

    // ------------------------------------------------------------------ none, static

    @Test
    void noneSendsNoHeaderAndNeverRetries() {
        Authenticator a = NoAuthenticator.INSTANCE;
        assertNull(a.token());
        assertNull(a.tokenAsync().join());
        assertFalse(a.retryAfterUnauthorized(null));
        CompletableFuture<String> f = a.tokenAsync();
        f.cancel(true);
        assertNull(a.tokenAsync().join(), "one caller's future is not shared with the next");
    }

    @Test
    void aStaticTokenIsSentAsIsAndA401IsFinal() {
        Authenticator a = new StaticTokenAuthenticator("tok-STATIC-1");
        assertEquals("tok-STATIC-1", a.token());
        assertEquals("tok-STATIC-1", a.tokenAsync().join());
        assertFalse(a.retryAfterUnauthorized("tok-STATIC-1"));
        assertFalse(a.toString().contains("tok-STATIC-1"), a.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StaticTokenAuthenticator("tok-STATIC-1\r\nX: y"));
        assertFalse(e.getMessage().contains("tok-STATIC-1"));
    }

    // ------------------------------------------------------------------ token provider

    @Test
    void theProviderIsAskedEveryTime() {
        AtomicInteger n = new AtomicInteger();
        Authenticator a = new TokenProviderAuthenticator(() -> "tok-" + n.incrementAndGet(), Runnable::run);
        assertEquals("tok-1", a.token());
        assertEquals("tok-2", a.token());
        assertEquals("tok-3", a.tokenAsync().join());
    }

    @Test
    void asyncRunsTheProviderOnTheGivenExecutorNotTheCallersThread() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "flows-test-pool"));
        try {
            AtomicReference<String> ranOn = new AtomicReference<>();
            Authenticator a = new TokenProviderAuthenticator(() -> {
                ranOn.set(Thread.currentThread().getName());
                return "tok-1";
            }, pool);
            assertEquals("tok-1", a.tokenAsync().get(5, TimeUnit.SECONDS));
            assertEquals("flows-test-pool", ranOn.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void asyncNeverRunsTheProviderBeforeTheExecutorDoes() {
        ManualExecutor executor = new ManualExecutor();
        AtomicInteger calls = new AtomicInteger();
        Authenticator a = new TokenProviderAuthenticator(() -> "tok-" + calls.incrementAndGet(), executor);
        CompletableFuture<String> f = a.tokenAsync();
        assertFalse(f.isDone());
        assertEquals(0, calls.get(), "the caller's thread did not run the provider");
        executor.runAll();
        assertEquals("tok-1", f.join());
    }

    @Test
    void whateverTheProviderThrowsBecomesAnAuthenticationExceptionSyncAndAsync() {
        List<RuntimeException> thrown = List.of(new IllegalStateException("vault unreachable"),
                new NullPointerException(), new io.flowsdk.client.error.FlowsException("nested client"));
        for (RuntimeException cause : thrown) {
            Authenticator a = new TokenProviderAuthenticator(() -> {
                throw cause;
            }, Runnable::run);
            AuthenticationException sync = assertThrows(AuthenticationException.class, a::token);
            assertSame(cause, sync.getCause());
            assertEquals(0, sync.statusCode());
            assertTrue(sync.getMessage().contains(cause.getClass().getName()), sync.getMessage());
            AuthenticationException async = assertInstanceOf(AuthenticationException.class, failure(a.tokenAsync()));
            assertSame(cause, async.getCause());
        }
    }

    @Test
    void aCheckedExceptionThrownSneakilyIsWrappedToo() {
        Authenticator a = new TokenProviderAuthenticator(() -> sneaky(new IOException("disk")), Runnable::run);
        assertInstanceOf(IOException.class, assertThrows(AuthenticationException.class, a::token).getCause());
        assertInstanceOf(IOException.class, failure(a.tokenAsync()).getCause());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> String sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Test
    void anAuthenticationExceptionFromTheProviderPassesUnchanged() {
        AuthenticationException own = new AuthenticationException("mine", "invalid_client", null, 401, null);
        Authenticator a = new TokenProviderAuthenticator(() -> {
            throw own;
        }, Runnable::run);
        assertSame(own, assertThrows(AuthenticationException.class, a::token));
        assertSame(own, failure(a.tokenAsync()));
    }

    @Test
    void anUnsendableTokenIsAnAuthenticationExceptionThatDoesNotQuoteIt() {
        for (String bad : new String[]{null, "", "  ", "tok-SECRET-1\r\nX-Evil: 1", "tok-SECRET-1 "}) {
            Authenticator a = new TokenProviderAuthenticator(() -> bad, Runnable::run);
            AuthenticationException e = assertThrows(AuthenticationException.class, a::token);
            assertFalse(e.getMessage().contains("tok-SECRET"), e.getMessage());
            assertInstanceOf(AuthenticationException.class, failure(a.tokenAsync()));
        }
    }

    @Test
    void aClosedExecutorFailsTheFutureAsAClosedClient() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        pool.shutdownNow();
        Authenticator a = new TokenProviderAuthenticator(() -> "tok-1", pool);
        assertInstanceOf(IllegalStateException.class, failure(a.tokenAsync()));
        Authenticator saturated = new TokenProviderAuthenticator(() -> "tok-1", r -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        });
        assertInstanceOf(AuthenticationException.class, failure(saturated.tokenAsync()));
    }

    @Test
    void on401TheProviderIsAskedAgain() {
        AtomicInteger n = new AtomicInteger();
        Authenticator a = new TokenProviderAuthenticator(() -> "tok-" + n.incrementAndGet(), Runnable::run);
        String first = a.token();
        assertTrue(a.retryAfterUnauthorized(first));
        assertEquals(1, n.get(), "retryAfterUnauthorized itself never calls the provider (it must not block)");
        assertFalse(first.equals(a.token()), "the retry is sent only when the next token differs");
    }

    // ------------------------------------------------------------------ client credentials

    @Test
    void clientCredentialsGoThroughTheCacheAndA401DropsTheToken() {
        TestClock clock = new TestClock();
        TokenCacheTest.Fetches fetches = new TokenCacheTest.Fetches();
        ClientCredentials c = ClientCredentials.builder().clientId("id-1").clientSecret("secret-XYZ-1").build();
        TokenEndpoint ep = new TokenEndpoint(c, HttpUrl.get("https://acme.example.com/oauth2/token"), null);
        Authenticator a = new ClientCredentialsAuthenticator(ep, new TokenCache(clock, fetches, Duration.ofSeconds(60)));

        CompletableFuture<String> first = a.tokenAsync();
        fetches.succeed("tok-A", 3600);
        assertEquals("tok-A", first.join());
        assertEquals("tok-A", a.token());
        assertEquals(1, fetches.count());

        assertTrue(a.retryAfterUnauthorized("tok-A"));
        CompletableFuture<String> retry = a.tokenAsync();
        assertEquals(2, fetches.count());
        fetches.succeed("tok-B", 3600);
        assertEquals("tok-B", retry.join());

        assertTrue(a.toString().contains("id-1") && a.toString().contains("client_secret_basic"), a.toString());
        assertFalse(a.toString().contains("secret-XYZ-1"));
    }
}
