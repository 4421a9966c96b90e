package io.flowsdk.client.internal;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "A missing list is an empty list": after a model is read, its list fields that the answer
 * left out are set to empty lists, so callers never meet a null list in a response. Writing is
 * untouched, so a request still omits the lists the caller did not set.
 */
final class EmptyListsOnRead implements TypeAdapterFactory {
    private static final String MODEL_PACKAGE = "io.flowsdk.client.model";
    private static final Map<Class<?>, List<Field>> LIST_FIELDS = new ConcurrentHashMap<>();

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (raw.getPackage() == null || !MODEL_PACKAGE.equals(raw.getPackage().getName())) {
            return null;
        }
        List<Field> fields = LIST_FIELDS.computeIfAbsent(raw, EmptyListsOnRead::listFields);
        if (fields.isEmpty()) {
            return null;
        }
        TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
        return new TypeAdapter<T>() {
            @Override
            public void write(JsonWriter out, T value) throws IOException {
                delegate.write(out, value);
            }

            @Override
            public T read(JsonReader in) throws IOException {
                T value = delegate.read(in);
                if (value != null) {
                    fill(value, fields);
                }
                return value;
            }
        };
    }

    private static void fill(Object value, List<Field> fields) {
        for (Field f : fields) {
            try {
                if (f.get(value) == null) {
                    f.set(value, new ArrayList<>());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot reach " + f, e);
            }
        }
    }

    private static List<Field> listFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Field f : c.getDeclaredFields()) {
            if (List.class.isAssignableFrom(f.getType()) && !Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
