package io.flowsdk.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberStrategy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.flowsdk.client.model.CompleteTaskRequest;
import io.flowsdk.client.model.ErrorResponse;
import io.flowsdk.client.model.FlowCancel;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.FlowInstancesList;
import io.flowsdk.client.model.FlowReference;
import io.flowsdk.client.model.Meta;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TaskFlowReference;
import io.flowsdk.client.model.TasksList;

import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The JSON configuration of one client. The generated {@code JSON} holder is a static global
 * shared by the whole JVM; every {@code FlowsClient} owns one of these instead.
 *
 * <p>Liberal when reading: unknown fields are kept in the models' additional properties, numbers
 * in any-typed JSON keep their exact value ({@code 1} is a {@code Long}, 20-digit integers a
 * {@code BigInteger}, long decimals a {@code BigDecimal}), date-times may come with or without
 * an offset, or as epoch milliseconds, a list the answer left out reads as an empty list.
 * Strict when writing: unset fields are omitted.
 */
public final class JsonCodec {
    private final Gson gson;

    public JsonCodec() {
        this.gson = new GsonBuilder()
                .disableHtmlEscaping()
                .setObjectToNumberStrategy(EXACT_NUMBERS)
                .setNumberToNumberStrategy(EXACT_NUMBERS)
                .registerTypeAdapter(OffsetDateTime.class, new LenientOffsetDateTimeAdapter().nullSafe())
                .registerTypeAdapterFactory(new Task.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new Meta.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new TaskFlowReference.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowInstance.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowReference.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowCancel.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new TasksList.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new FlowInstancesList.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new ErrorResponse.CustomTypeAdapterFactory())
                .registerTypeAdapterFactory(new CompleteTaskRequest.CustomTypeAdapterFactory())
                // registered last so it takes precedence for reading; it writes through the generated adapters
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

    /** @return this client's Gson; never mutate it */
    public Gson gson() {
        return gson;
    }

    public String toJson(Object value) {
        return gson.toJson(value);
    }

    public JsonElement toJsonTree(Object value) {
        return gson.toJsonTree(value);
    }

    /**
     * @throws JsonParseException       on malformed JSON
     * @throws IllegalArgumentException on JSON of the wrong shape (the generated validation)
     */
    public <T> T fromJson(String json, Type type) {
        return gson.fromJson(json, type);
    }

    /** Typed convenience of {@link #fromJson(String, Type)}. */
    public <T> T fromJson(String json, Class<T> type) {
        return gson.fromJson(json, type);
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

    /** Reads RFC 3339 with or without offset (UTC assumed), a bare date, or epoch milliseconds. */
    static final class LenientOffsetDateTimeAdapter extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NUMBER) {
                return Instant.ofEpochMilli(in.nextLong()).atOffset(ZoneOffset.UTC);
            }
            String text = in.nextString().trim();
            return parse(text);
        }

        static OffsetDateTime parse(String text) {
            OffsetDateTime fast = Rfc3339.parse(text);
            if (fast != null) {
                return fast;
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e2) {
                    try {
                        return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                    } catch (DateTimeParseException e3) {
                        if (text.matches("-?\\d{1,15}")) {
                            return Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
                        }
                        throw new JsonParseException("not an RFC 3339 date-time: " + text, e);
                    }
                }
            }
        }
    }
}
