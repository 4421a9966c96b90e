package io.flowsdk.client.internal;

import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads any JSON value into plain Java, for the any-typed fields of the models (variables, error
 * codes, unknown fields): an object is a {@code LinkedHashMap} (members in the order sent), an
 * array an {@code ArrayList}, a number is exact ({@link JsonCodec#parseExact}), then String,
 * Boolean and null. Gson's own reader would give its internal {@code LinkedTreeMap}.
 */
final class AnyJson extends TypeAdapter<Object> {
    static final AnyJson INSTANCE = new AnyJson();

    private AnyJson() {
    }

    @Override
    public Object read(JsonReader in) throws IOException {
        switch (in.peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                in.beginObject();
                while (in.hasNext()) {
                    object.put(in.nextName(), read(in)); // a repeated name: the last one counts
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                List<Object> array = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(read(in));
                }
                in.endArray();
                return array;
            }
            case STRING:
                return in.nextString();
            case NUMBER:
                return JsonCodec.parseExact(in.nextString(), in);
            case BOOLEAN:
                return in.nextBoolean();
            case NULL:
                in.nextNull();
                return null;
            default:
                throw new JsonParseException("expected a JSON value at " + in.getPath() + " but was " + in.peek());
        }
    }

    @Override
    public void write(JsonWriter out, Object value) {
        throw new UnsupportedOperationException("values are written by JsonValues");
    }
}
