package io.flowsdk.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes every class of the generated model package, found by its shape (a no-arg
 * constructor and an {@code additionalProperties} map), so no model can be left out of a list.
 *
 * <p>Reading is one pass over the JSON stream. The generated adapters first build a JSON tree,
 * validate it, bind it, then walk it again for unknown fields: measured 2.4x slower and 2.4x more
 * garbage (see BENCHMARKS.md). This reader binds known fields as they come, keeps unknown fields
 * in the model's additional properties (exact numbers, any JSON), and makes a list the answer left
 * out an empty list.
 *
 * <p>Writing is {@link JsonValues}' mapping, which sends exactly the fields the caller set: unset
 * (null) fields are left out, any-typed fields follow the documented table, and the additional
 * properties are written as top-level fields, never as an {@code additionalProperties} object; a
 * declared field that is set wins over an additional property of the same name.
 */
final class ModelAdapterFactory implements TypeAdapterFactory {
    private static final String MODEL_PACKAGE = "io.flowsdk.client.model";
    private static final String EXTRAS = "additionalProperties";

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        // getPackageName(), not getPackage(): that defines a Package object for each JDK type Gson
        // asks about (a String, a Map), loading the boot loader's package machinery at start-up.
        // getPackageName() of an array is its component's: an array of models is Gson's to read.
        if (raw.isArray() || !MODEL_PACKAGE.equals(raw.getPackageName()) || raw.isEnum()
                || Modifier.isAbstract(raw.getModifiers())) {
            return null;
        }
        Field extras;
        Constructor<? super T> constructor;
        try {
            extras = raw.getDeclaredField(EXTRAS);
            extras.setAccessible(true);
            constructor = raw.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchFieldException | NoSuchMethodException notAModel) {
            return null;
        }
        return new ModelAdapter<>(gson, raw, constructor, extras);
    }

    private static final class Bound {
        final String name;
        final Field field;
        final boolean isList;
        final TypeAdapter<?> adapter;

        Bound(Gson gson, String name, Field field) {
            this.name = name;
            this.field = field;
            this.isList = List.class.isAssignableFrom(field.getType());
            this.adapter = isAnyJson(field.getGenericType()) ? AnyJson.INSTANCE
                    : gson.getAdapter(TypeToken.get(field.getGenericType()));
        }

        Object read(JsonReader in) throws IOException {
            Object v = adapter.read(in);
            if (v != null && !field.getType().isInstance(v)) {
                throw new IllegalStateException("expected " + (isList ? "an array" : "an object") + " but was "
                        + (v instanceof List ? "an array" : v instanceof Map ? "an object" : "a " + v.getClass().getSimpleName()));
            }
            return v;
        }

        /** Object, List of Object or Map of Object: read as plain Java by {@link AnyJson}, not by Gson's own rules. */
        private static boolean isAnyJson(Type type) {
            if (type == Object.class) {
                return true;
            }
            if (type instanceof ParameterizedType p && (p.getRawType() == List.class || p.getRawType() == Map.class)) {
                Type[] args = p.getActualTypeArguments();
                return args[args.length - 1] == Object.class && (args.length == 1 || args[0] == String.class);
            }
            return false;
        }
    }

    private static final class ModelAdapter<T> extends TypeAdapter<T> {
        private final Constructor<? super T> constructor;
        private final Field extras;
        private final Map<String, Bound> byName = new HashMap<>();
        private final List<Bound> lists = new ArrayList<>();
        private final TypeAdapter<JsonElement> trees;

        ModelAdapter(Gson gson, Class<? super T> raw, Constructor<? super T> constructor, Field extras) {
            this.constructor = constructor;
            this.extras = extras;
            this.trees = gson.getAdapter(JsonElement.class);
            for (Field f : raw.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.getName().equals(EXTRAS)) {
                    continue;
                }
                f.setAccessible(true);
                Bound b = new Bound(gson, JsonNames.of(f), f);
                byName.put(b.name, b);
                if (b.isList) {
                    lists.add(b);
                }
            }
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            if (value == null) {
                out.nullValue();
                return;
            }
            JsonElement tree = JsonValues.toTree(value, "");
            boolean serializeNulls = out.getSerializeNulls();
            out.setSerializeNulls(true); // the tree holds only the nulls asked for: unset fields are already left out
            try {
                trees.write(out, tree);
            } finally {
                out.setSerializeNulls(serializeNulls);
            }
        }

        @Override
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            T instance = newInstance();
            Map<String, Object> unknown = null;
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                Bound b = byName.get(name);
                try {
                    if (b != null) {
                        Object v = b.read(in);
                        if (v != null || !b.field.getType().isPrimitive()) {
                            b.field.set(instance, v);
                        }
                    } else {
                        if (unknown == null) {
                            unknown = new LinkedHashMap<>();
                        }
                        unknown.put(name, AnyJson.INSTANCE.read(in));
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot set " + name, e);
                } catch (IllegalStateException | NumberFormatException e) {
                    throw new JsonParseException("field '" + name + "' at " + in.getPreviousPath() + ": "
                            + e.getMessage(), e);
                }
            }
            in.endObject();
            try {
                if (unknown != null) {
                    extras.set(instance, unknown);
                }
                for (Bound l : lists) {
                    if (l.field.get(instance) == null) {
                        l.field.set(instance, new ArrayList<>());   // a missing list is an empty list
                    }
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return instance;
        }


        @SuppressWarnings("unchecked")
        private T newInstance() {
            try {
                return (T) constructor.newInstance();
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getSimpleName(), e);
            }
        }
    }
}
