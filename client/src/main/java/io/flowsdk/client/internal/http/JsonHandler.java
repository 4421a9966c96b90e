package io.flowsdk.client.internal.http;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.flowsdk.client.error.FlowsException;
import io.flowsdk.client.error.MalformedResponseException;
import io.flowsdk.client.internal.Exceptions;
import io.flowsdk.client.internal.Secrets;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the API's answers: a 2xx body is decoded from the stream into the promised type (never
 * held whole in memory, never more than the client's {@code maxResponseBytes}, and never taking
 * more than {@value #MEMORY_PER_BYTE} times that in memory once decoded); any other status
 * becomes the matching {@code FlowsApiException}.
 *
 * @param <T> the type of a successful answer
 */
public final class JsonHandler<T> implements ResponseHandler<T> {
    /** How much of a malformed body is kept to quote in the exception. */
    private static final int SNIPPET_BYTES = 2048;
    /**
     * How much memory, in estimated bytes per byte of {@code maxResponseBytes}, the decoded answer
     * may take ({@link BoundedJsonReader}): enough for realistic answers up to the byte limit
     * (estimated at about 4 times their size), while {@code [{},{},...]} stops long before.
     */
    static final int MEMORY_PER_BYTE = 5;

    private final TypeAdapter<T> adapter;

    @SuppressWarnings("unchecked")
    public JsonHandler(Gson gson, Type type) {
        this.adapter = (TypeAdapter<T>) gson.getAdapter(TypeToken.get(type));
    }

    @Override
    public T success(Response response, Attempt attempt) throws IOException {
        ResponseBody body = response.body();
        int status = response.code();
        MediaType type = body.contentType();
        if (type != null && !type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
            throw malformed(status, attempt, "expected a JSON body but got " + type.type() + "/" + type.subtype(),
                    Bodies.readCapped(body, SNIPPET_BYTES), null);
        }
        Bodies.Limited limited = new Bodies.Limited(body.source(), attempt.maxResponseBytes(), SNIPPET_BYTES);
        InputStreamReader text = new InputStreamReader(Okio.buffer(limited).inputStream(), Bodies.charsetOf(body));
        long max = attempt.maxResponseBytes();
        long budget = max > Long.MAX_VALUE / MEMORY_PER_BYTE ? Long.MAX_VALUE : max * MEMORY_PER_BYTE;
        JsonReader reader = new BoundedJsonReader(text, budget, attempt.token());
        try {
            JsonToken first = peekFirst(reader);
            if (first == JsonToken.END_DOCUMENT) {
                throw malformed(status, attempt, "expected a JSON body but got an empty one", null, null);
            }
            if (first != JsonToken.BEGIN_OBJECT) {
                throw malformed(status, attempt, "expected a JSON object", limited.prefix(), null);
            }
            T value = adapter.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw malformed(status, attempt, "expected one JSON object, but more follows it", limited.prefix(), null);
            }
            return value;
        } catch (Bodies.TooLarge e) {
            throw malformed(status, attempt, "the answer is larger than the client accepts: " + e.getMessage()
                    + " (maxResponseBytes is " + attempt.maxResponseBytes() + ", and " + MEMORY_PER_BYTE
                    + " times as much memory once decoded; see FlowsClient.Builder.maxResponseBytes)",
                    limited.prefix(), null);
        } catch (EOFException | MalformedJsonException e) {
            // the body ended cleanly in the middle of the JSON, or is not JSON: a server error, not a lost connection
            throw malformed(status, attempt, "the body is not the promised JSON (" + redact(e.getMessage(), attempt) + ")",
                    limited.prefix(), e);
        } catch (IOException | FlowsException e) {
            throw e;
        } catch (RuntimeException e) {
            // JsonParseException, IllegalStateException, NumberFormatException: valid JSON of the wrong shape
            throw malformed(status, attempt, "the body is not the promised JSON (" + redact(e.getMessage(), attempt) + ")",
                    limited.prefix(), e);
        }
    }

    private static JsonToken peekFirst(JsonReader reader) throws IOException {
        try {
            return reader.peek();
        } catch (EOFException empty) {
            return JsonToken.END_DOCUMENT;
        }
    }

    private static MalformedResponseException malformed(int status, Attempt attempt, String problem, String body,
                                                        Throwable cause) {
        return new MalformedResponseException(status, attempt.method(), attempt.path(), problem,
                Secrets.redact(body, attempt.token()), Secrets.scrub(cause, attempt.token()));
    }

    private static String redact(String text, Attempt attempt) {
        return Secrets.redact(String.valueOf(text), attempt.token());
    }

    @Override
    public FlowsException failure(Response response, String errorText, Duration retryAfter, Attempt attempt) {
        return Exceptions.forStatus(response.code(), attempt.method(), attempt.path(), errorText, retryAfter,
                headers(response, attempt.token()), attempt.token());
    }

    /** The response headers, names in lower case, the token masked wherever a server echoed it. */
    static Map<String, List<String>> headers(Response response, String token) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < response.headers().size(); i++) {
            map.computeIfAbsent(response.headers().name(i).toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .add(Secrets.redact(response.headers().value(i), token));
        }
        return map;
    }
}
