package io.flowsdk.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.ToNumberStrategy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The JSON rules of the SDK, in one place: every {@code FlowsClient} owns one of these (the
 * generated {@code JSON} holder is a static global shared by the whole JVM), the testkit reads
 * models with it, and the filter evaluator turns models into JSON by the same {@link JsonValues}.
 *
 * <p>Liberal when reading ({@link ModelAdapterFactory}): unknown fields are kept in the models'
 * additional properties, any-typed JSON is read as plain Java ({@link AnyJson}: LinkedHashMap,
 * ArrayList, and numbers with their exact value, {@code 1} a {@code Long}, 20-digit integers a
 * {@code BigInteger}, long decimals a {@code BigDecimal}), date-times may come with or without an
 * offset, or as epoch milliseconds ({@link Rfc3339#parseLenient}), a list the answer left out
 * reads as an empty list.
 *
 * <p>Strict when writing ({@link JsonValues}): unset fields are left out, date-times are RFC 3339
 * with seconds, values JSON cannot hold and text that cannot be sent are refused before sending.
 */
public final class JsonCodec {
    private final Gson gson;

    /** A codec with the SDK's rules; it holds no state beyond Gson's caches and is thread-safe. */
    public JsonCodec() {
        this.gson = new GsonBuilder()
                .disableHtmlEscaping()
                .setObjectToNumberStrategy(EXACT_NUMBERS)
                .setNumberToNumberStrategy(EXACT_NUMBERS)
                .registerTypeAdapter(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
                .registerTypeAdapter(Long.class, ExactInteger.LONG)
                .registerTypeAdapter(long.class, ExactInteger.LONG)
                .registerTypeAdapter(Integer.class, ExactInteger.INT)
                .registerTypeAdapter(int.class, ExactInteger.INT)
                .registerTypeAdapterFactory(new ModelAdapterFactory())
                .create();
    }

    /**
     * The codec the generated models' own {@code toJson()} and {@code fromJson(String)} use (through
     * {@link JSON}). Immutable, so one instance serves the whole JVM.
     *
     * @return the shared codec
     */
    public static JsonCodec shared() {
        return Shared.INSTANCE;
    }

    /** Lazy holder: built on first use, after this class's static fields (EXACT_NUMBERS) are set. */
    private static final class Shared {
        private static final JsonCodec INSTANCE = new JsonCodec();
    }

    /**
     * The Gson behind this codec: it reads and writes the models as the client does. Writing
     * anything else (a bare Map, a List) goes by Gson's own rules; a request body goes through
     * {@link #toJson}.
     *
     * @return this codec's Gson; never mutate it
     */
    public Gson gson() {
        return gson;
    }

    /**
     * Encodes a request body by {@link JsonValues}' mapping: unset model fields are left out,
     * explicit nulls in maps and lists are kept. Every string and key is checked by {@link Text}
     * here, where it is about to be sent, and not in {@code JsonValues}, which also turns
     * received models into JSON for the filter evaluator.
     *
     * @param body the body: a model, a map, a JSON tree, ...
     * @return the JSON text
     * @throws IllegalArgumentException if the body holds a value JSON cannot hold, or a string or
     *                                  key with an unpaired surrogate (the message names where)
     */
    public String toJson(Object body) {
        JsonElement tree = JsonValues.toTree(body, "");
        requireWellFormedText(tree, JsonPath.root(""));
        StringWriter text = new StringWriter();
        try {
            JsonWriter out = gson.newJsonWriter(text);
            out.setSerializeNulls(true);
            gson.getAdapter(JsonElement.class).write(out, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void requireWellFormedText(JsonElement e, JsonPath at) {
        if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isString() && Text.unpairedSurrogate(p.getAsString()) >= 0) {
                Text.requireWellFormed(p.getAsString(), at.toString());
            }
        } else if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                if (Text.unpairedSurrogate(m.getKey()) >= 0) {
                    Text.requireWellFormed(m.getKey(), "a key of " + (at.isUnnamedRoot() ? "the body" : at));
                }
                requireWellFormedText(m.getValue(), at.child(m.getKey()));
            }
        } else if (e.isJsonArray()) {
            JsonArray a = e.getAsJsonArray();
            for (int i = 0; i < a.size(); i++) {
                requireWellFormedText(a.get(i), at.index(i));
            }
        }
    }

    /**
     * Decodes a JSON document.
     *
     * @param json the document
     * @param type the type to bind, such as a model class
     * @param <T>  the type
     * @return the value, or null when the document is empty or the JSON literal {@code null}
     * @throws JsonParseException       on malformed or truncated JSON, trailing data after the
     *                                  document, and JSON of the wrong shape (an array where an
     *                                  object is expected, a string that is not a date-time, ...)
     * @throws IllegalArgumentException reserved for JSON of the wrong shape, as is
     *                                  {@link IllegalStateException}: the models' reader reports
     *                                  every shape error as JsonParseException today, but callers
     *                                  treat all three as "not the promised JSON"
     */
    public <T> T fromJson(String json, Type type) {
        return gson.fromJson(json, type);
    }

    /**
     * Decodes a JSON document from a stream, without first reading it into a String. The stream
     * is read to the end of the document and a little past it (to refuse trailing data); it is not
     * closed.
     *
     * @param json the document's characters
     * @param type the type to bind, such as a model class
     * @param <T>  the type
     * @return the value, or null when the document is empty or the JSON literal {@code null}
     * @throws IOException              when reading the stream fails (a reset connection, a
     *                                  timeout): the stream's own exception, never wrapped in a
     *                                  JsonParseException, so callers can tell a broken
     *                                  transport from a broken body
     * @throws JsonParseException       as {@link #fromJson(String, Type)}
     * @throws IllegalArgumentException as {@link #fromJson(String, Type)}, as is
     *                                  {@link IllegalStateException}
     */
    public <T> T fromJson(Reader json, Type type) throws IOException {
        FailureRecordingReader in = new FailureRecordingReader(json);
        try {
            return gson.fromJson(in, type);
        } catch (RuntimeException e) {
            if (in.failure != null) {
                in.failure.addSuppressed(e);
                throw in.failure;
            }
            throw e;
        }
    }

    /** Gson wraps a failing stream in JsonSyntaxException or JsonIOException; this keeps the original. */
    private static final class FailureRecordingReader extends FilterReader {
        IOException failure;

        FailureRecordingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }

    /** Integral numbers become Long (or BigInteger), others Double unless that loses digits. */
    static final ToNumberStrategy EXACT_NUMBERS = new ToNumberStrategy() {
        @Override
        public Number readNumber(JsonReader in) throws IOException {
            String text = in.nextString();
            return parseExact(text, in);
        }
    };

    static Number parseExact(String text, JsonReader in) throws IOException {
        requireShortNumber(text, in);
        try {
            boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
            if (integral) {
                if (text.length() < 19) {
                    return Long.parseLong(text);
                }
                BigInteger big = new BigInteger(text);
                return big.bitLength() < 64 ? (Number) big.longValue() : big;
            }
            BigDecimal exact = new BigDecimal(text);
            double d = exact.doubleValue();
            if (!Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0) {
                return d;
            }
            return exact;
        } catch (NumberFormatException e) {
            throw new JsonParseException("not a number: " + text + (in == null ? "" : " at " + in.getPreviousPath()), e);
        }
    }

    /**
     * The most characters a number may have: far more than any real value needs, and few enough
     * that reading it stays cheap (BigInteger and BigDecimal parse in quadratic time: one number of
     * 8 million digits, which fits in an answer, would take a quarter of an hour).
     */
    static final int MAX_NUMBER_CHARS = 1000;

    private static void requireShortNumber(String text, JsonReader in) {
        if (text.length() > MAX_NUMBER_CHARS) {
            throw new JsonParseException("a number of more than " + MAX_NUMBER_CHARS + " characters ("
                    + shorten(text) + ")" + (in == null ? "" : " at " + in.getPreviousPath()));
        }
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /**
     * Integers as the models declare them ({@code Long}, {@code Integer}): the exact value, or a
     * {@link JsonParseException} when the number is fractional or does not fit. Gson's own readers
     * go through {@code double} for large numbers, so {@code 9223372036854775808} (2^63) silently
     * became {@code Long.MAX_VALUE}. A string holding an exact integer ({@code "42"}) is read too,
     * as Gson does: some servers send numbers as strings. {@code 42.0} and {@code 4.2e1} are 42.
     */
    static final class ExactInteger extends TypeAdapter<Number> {
        static final ExactInteger LONG = new ExactInteger(Long.MIN_VALUE, Long.MAX_VALUE, "a long");
        static final ExactInteger INT = new ExactInteger(Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");

        private final long min;
        private final long max;
        private final String kind;

        private ExactInteger(long min, long max, String kind) {
            this.min = min;
            this.max = max;
            this.kind = kind;
        }

        @Override
        public void write(JsonWriter out, Number value) throws IOException {
            out.value(value);
        }

        @Override
        public Number read(JsonReader in) throws IOException {
            JsonToken token = in.peek();
            if (token == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
                throw new JsonParseException("expected " + kind + " but was " + token + " at " + in.getPath());
            }
            String text = in.nextString();
            long value = exactLong(text.strip(), in);
            if (value < min || value > max) {
                throw new JsonParseException(shorten(text) + " does not fit in " + kind + " at " + in.getPreviousPath());
            }
            return max == Long.MAX_VALUE ? (Number) value : (Number) (int) value;
        }

        private long exactLong(String text, JsonReader in) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notPlain) {
                requireShortNumber(text, in);
                try {
                    return new BigDecimal(text).longValueExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw new JsonParseException("not an integer that fits in " + kind + ": "
                            + (text.isEmpty() ? "\"\"" : shorten(text)) + " at " + in.getPreviousPath(), e);
                }
            }
        }
    }

    /** Date-times as {@link Rfc3339} reads and writes them; a JSON number is epoch milliseconds. */
    static final class OffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(Rfc3339.format(value));
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NUMBER) {
                return Instant.ofEpochMilli(ExactInteger.LONG.read(in).longValue()).atOffset(ZoneOffset.UTC);
            }
            String text = in.nextString();
            try {
                return Rfc3339.parseLenient(text);
            } catch (DateTimeParseException e) {
                throw new JsonParseException("not an RFC 3339 date-time: " + text + " at " + in.getPreviousPath(), e);
            }
        }
    }
}
