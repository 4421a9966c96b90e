package io.flowsdk.client.internal.auth;

import io.flowsdk.client.auth.ClientCredentials;
import io.flowsdk.client.internal.Tokens;
import okhttp3.HttpUrl;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Reads the client's settings from Java system properties and environment variables, for
 * {@code FlowsClient.fromEnvironment()}. Pure: the caller passes the environment and the
 * properties, so tests never touch the real ones.
 *
 * <p>Each setting is looked up as a system property first and, when that is absent, as an
 * environment variable. A system property that is present wins even when empty, so
 * {@code -Dflows.token=} hides {@code FLOWS_TOKEN}; an empty (or blank) value means "not set";
 * surrounding whitespace is ignored. Everything wrong is reported at once, in one
 * {@link IllegalStateException} that also says in which order the sources are read; no message
 * ever quotes a token or a secret.
 */
public final class EnvironmentSettings {
    /** One setting and its two names. */
    enum Key {
        BASE_URL("flows.baseUrl", "FLOWS_BASE_URL"),
        TOKEN("flows.token", "FLOWS_TOKEN"),
        CLIENT_ID("flows.clientId", "FLOWS_CLIENT_ID"),
        CLIENT_SECRET("flows.clientSecret", "FLOWS_CLIENT_SECRET"),
        SCOPES("flows.scopes", "FLOWS_SCOPES"),
        TOKEN_URL("flows.tokenUrl", "FLOWS_TOKEN_URL"),
        TIMEOUT("flows.timeout", "FLOWS_TIMEOUT");

        final String property;
        final String variable;

        Key(String property, String variable) {
            this.property = property;
            this.variable = variable;
        }

        /** @return both names, for messages about a setting that is missing */
        String names() {
            return variable + " (or " + property + ")";
        }
    }

    /** A value and the name it was found under. */
    private record Found(String value, String source) {
    }

    /**
     * What was found.
     *
     * @param baseUrl     the base URL (checked to be an http(s) URL; the https rule is the builder's)
     * @param token       the bearer token, or null
     * @param tokenSource where the token came from, or null
     * @param credentials the client credentials, or null
     * @param idSource    where the client id came from, or null
     * @param timeout     the timeout, or null when not set
     */
    public record Settings(String baseUrl, String token, String tokenSource, ClientCredentials credentials,
                           String idSource, Duration timeout) {
        /** @return the description without the token or secret */
        @Override
        public String toString() {
            return "Settings{baseUrl=" + baseUrl + ", token=" + (token == null ? "none" : tokenSource)
                    + ", credentials=" + credentials + ", timeout=" + timeout + "}";
        }
    }

    /** The longest timeout in seconds that fits a {@code Duration} of nanoseconds. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L);

    private final Map<String, String> env;
    private final Properties props;
    private final List<String> problems = new ArrayList<>();

    private EnvironmentSettings(Map<String, String> env, Properties props) {
        this.env = env;
        this.props = props;
    }

    /**
     * @return the real environment and system properties, read
     * @throws IllegalStateException listing every setting that is missing, malformed or contradictory
     */
    public static Settings read() {
        return read(System.getenv(), System.getProperties());
    }

    /**
     * @param env   environment variables
     * @param props system properties
     * @return the settings
     * @throws IllegalStateException listing every setting that is missing, malformed or contradictory
     */
    public static Settings read(Map<String, String> env, Properties props) {
        return new EnvironmentSettings(env, props).read0();
    }

    /** @return the order in which sources are read, for messages */
    public static String sourceOrder() {
        return "Settings are read from Java system properties ("
                + Arrays.stream(Key.values()).map(k -> k.property).collect(Collectors.joining(", "))
                + ") first, then from environment variables ("
                + Arrays.stream(Key.values()).map(k -> k.variable).collect(Collectors.joining(", "))
                + "); a system property that is set, even to an empty value, wins over the environment variable, "
                + "and an empty value counts as not set.";
    }

    private Settings read0() {
        Found base = find(Key.BASE_URL);
        Found token = find(Key.TOKEN);
        Found id = find(Key.CLIENT_ID);
        Found secret = find(Key.CLIENT_SECRET);
        Found scopes = find(Key.SCOPES);
        Found tokenUrl = find(Key.TOKEN_URL);
        Found timeout = find(Key.TIMEOUT);

        if (base == null) {
            problems.add(Key.BASE_URL.names() + " is not set: the API root, for example https://acme.example.com/api/v1");
        } else if (!isHttpUrl(base.value)) {
            problems.add(base.source + " is not an absolute http or https URL");
        }

        ClientCredentials credentials = null;
        if (token != null && (id != null || secret != null)) {
            problems.add("both a bearer token (" + token.source + ") and client credentials ("
                    + (id != null ? id.source : secret.source) + ") are set: set only one");
        } else if (token != null) {
            String problem = Tokens.problem(token.value);
            if (problem != null) {
                problems.add(token.source + " " + problem);
            }
            for (Found onlyForCredentials : new Found[]{scopes, tokenUrl}) {
                if (onlyForCredentials != null) {
                    problems.add(onlyForCredentials.source + " applies to client credentials only, but "
                            + token.source + " sets a bearer token");
                }
            }
        } else if (id == null && secret == null) {
            problems.add("no credentials: set " + Key.TOKEN.names() + ", or " + Key.CLIENT_ID.names() + " and "
                    + Key.CLIENT_SECRET.names());
        } else if (id == null) {
            problems.add(secret.source + " is set but " + Key.CLIENT_ID.names() + " is not");
        } else if (secret == null) {
            problems.add(id.source + " is set but " + Key.CLIENT_SECRET.names() + " is not");
        } else {
            credentials = credentials(id, secret, scopes, tokenUrl);
        }

        Duration parsedTimeout = timeout == null ? null : timeout(timeout);

        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cannot configure the Flows client from the environment:\n  - "
                    + String.join("\n  - ", problems) + "\n" + sourceOrder());
        }
        return new Settings(base.value, token == null ? null : token.value, token == null ? null : token.source,
                credentials, id == null ? null : id.source, parsedTimeout);
    }

    private ClientCredentials credentials(Found id, Found secret, Found scopes, Found tokenUrl) {
        ClientCredentials.Builder b = ClientCredentials.builder();
        boolean ok = apply(id, () -> b.clientId(id.value));
        ok &= apply(secret, () -> b.clientSecret(secret.value));
        if (scopes != null) {
            String[] list = Arrays.stream(scopes.value.split("[\\s,]+")).filter(s -> !s.isEmpty()).toArray(String[]::new);
            ok &= apply(scopes, () -> b.scopes(list));
        }
        if (tokenUrl != null) {
            ok &= apply(tokenUrl, () -> b.tokenUrl(tokenUrl.value));
        }
        return ok ? b.build() : null;
    }

    /** Runs a builder setter; its IllegalArgumentException (which never quotes a secret) becomes a problem. */
    private boolean apply(Found found, Runnable setter) {
        try {
            setter.run();
            return true;
        } catch (IllegalArgumentException e) {
            problems.add(found.source + ": " + e.getMessage());
            return false;
        }
    }

    private Duration timeout(Found found) {
        String v = found.value;
        Duration d = null;
        try {
            if (v.length() > 1 && (v.charAt(0) == 'P' || v.charAt(0) == 'p')) {
                d = Duration.parse(v);
            } else {
                BigDecimal seconds = new BigDecimal(v);
                if (seconds.abs().compareTo(MAX_SECONDS) > 0) { // before any conversion: 1e99999999 is a valid number
                    throw new ArithmeticException("too large");
                }
                d = Duration.ofNanos(seconds.movePointRight(9).toBigInteger().longValueExact());
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            problems.add(found.source + " is '" + v + "': expected seconds (30 or 2.5) or an ISO-8601 duration (PT30S)");
            return null;
        }
        if (d.isZero() || d.isNegative()) {
            problems.add(found.source + " is '" + v + "': the timeout must be positive");
            return null;
        }
        return d;
    }

    private Found find(Key key) {
        String fromProperty = props.getProperty(key.property);
        if (fromProperty != null) {
            return fromProperty.isBlank() ? null : new Found(fromProperty.strip(), "system property " + key.property);
        }
        String fromEnv = env.get(key.variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Found(fromEnv.strip(), "environment variable " + key.variable);
        }
        return null;
    }

    private static boolean isHttpUrl(String value) {
        return HttpUrl.parse(value) != null;
    }
}
