package io.flowsdk.bench;

import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.internal.auth.AccessToken;
import io.flowsdk.client.internal.auth.Authenticator;
import io.flowsdk.client.internal.auth.ClientCredentialsAuthenticator;
import io.flowsdk.client.internal.auth.StaticTokenAuthenticator;
import io.flowsdk.client.internal.auth.TokenCache;
import io.flowsdk.client.internal.auth.TokenEndpoint;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The token step of a call on its own, without the network: what the transport asks of the
 * authenticator per attempt, for a client credentials client whose token is cached (the fast path
 * of {@link TokenCache}: a clock read and a comparison) and for a static bearer token. CPU time only,
 * so other load on the machine hardly moves it; it bounds what client credentials can add to the
 * ~80 us of a loopback call ({@code PairedRatio cc-jdk, cc-canned} measure the whole call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class TokenCostBenchmark {
    private Authenticator credentials;
    private Authenticator bearer;

    @Setup
    public void setUp() {
        ClientCredentials c = ClientCredentials.builder().clientId("bench-client").clientSecret("bench-secret-42").build();
        TokenEndpoint endpoint = new TokenEndpoint(c, HttpUrl.get("http://127.0.0.1:9/oauth2/token"), "bench");
        TokenCache cache = new TokenCache(Clock.systemUTC(),
                () -> CompletableFuture.completedFuture(new AccessToken(LoopbackServer.TOKEN, Duration.ofHours(1), null)),
                c.refreshBefore());
        credentials = new ClientCredentialsAuthenticator(endpoint, cache);
        bearer = new StaticTokenAuthenticator(LoopbackServer.TOKEN);
        if (!credentials.token().equals(bearer.token())) {
            throw new IllegalStateException("the two authenticators hand out different tokens");
        }
    }

    @Benchmark
    public String clientCredentialsCached() {
        return credentials.token();
    }

    @Benchmark
    public String bearerToken() {
        return bearer.token();
    }
}
