package io.flowsdk.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns a Java value into JSON: the one mapping for everything the SDK writes, request bodies,
 * task variables and every any-typed model field. It runs on the caller's thread when a request
 * is built, so a value JSON cannot hold fails there, with the path of the value in the message
 * (such as {@code variables.approval.self} or {@code variables.list[2]}), before anything is sent.
 *
 * <table>
 * <caption>Java values and the JSON written</caption>
 * <tr><th>Java</th><th>JSON</th></tr>
 * <tr><td>null, empty {@code Optional*}</td><td>null</td></tr>
 * <tr><td>String, other CharSequence, Character</td><td>string</td></tr>
 * <tr><td>Boolean</td><td>true / false</td></tr>
 * <tr><td>Byte, Short, Integer, Long, BigInteger, BigDecimal, Atomic*</td><td>number, exact</td></tr>
 * <tr><td>Float, Double</td><td>number (finite only: NaN and infinities are refused)</td></tr>
 * <tr><td>Instant, Date, Calendar</td><td>RFC 3339 string in UTC, {@code 2026-01-02T03:04:05.123Z}</td></tr>
 * <tr><td>OffsetDateTime, ZonedDateTime</td><td>RFC 3339 string with the value's own offset
 *     (a zone id, which RFC 3339 cannot carry, is dropped)</td></tr>
 * <tr><td>LocalDate, LocalDateTime, LocalTime, OffsetTime, Year, YearMonth, MonthDay, Duration,
 *     Period, ZoneId</td><td>their ISO 8601 string ({@code 2026-01-02}, {@code 2026-01-02T03:04:00},
 *     {@code 09:30:00}, {@code PT1H30M}, {@code P1Y2M3D}); times always with seconds</td></tr>
 * <tr><td>UUID, URI, URL, Path, File</td><td>string</td></tr>
 * <tr><td>enum constant</td><td>its {@code name()}</td></tr>
 * <tr><td>Optional, OptionalInt, OptionalLong, OptionalDouble</td><td>the value it holds</td></tr>
 * <tr><td>Map</td><td>object; a key is converted like a value and must come out as a string or a
 *     number (String, enum, number, UUID, ...); null values are written as null</td></tr>
 * <tr><td>Iterable, array (primitive too)</td><td>array</td></tr>
 * <tr><td>JsonElement</td><td>as it is (copied)</td></tr>
 * <tr><td>record</td><td>object of its components</td></tr>
 * <tr><td>any other class outside the JDK (the generated models too)</td><td>object of its
 *     non-static, non-transient fields, named by {@code @SerializedName} when present, as Gson
 *     does; a {@code Map} field named {@code additionalProperties} is written as top-level fields
 *     (a declared field that is set wins on a clash)</td></tr>
 * </table>
 *
 * <p>Null components of records and null fields of objects are left out (an unset field is not
 * sent); null values in maps, lists and arrays are written. Refused with
 * {@link IllegalArgumentException}: a value that contains itself through any path, NaN and
 * infinities, a null map key or one that is not a string or a number, two keys written alike,
 * nesting deeper than {@value #MAX_DEPTH} levels, and other JDK types (such as {@code Thread}
 * or {@code Stream}), which have no JSON form.
 */
public final class JsonValues {
    /** Deeper JSON could not be read back: Gson's reader stops at 255 levels. */
    static final int MAX_DEPTH = 200;

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ISO_LOCAL_TIME;
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_TIME;

    private static final ClassValue<List<Member>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            return fieldsOf(type);
        }
    };

    /** The values on the path being converted, each with its place: a value met again is a cycle. */
    private final IdentityHashMap<Object, JsonPath> open = new IdentityHashMap<>();

    private JsonValues() {
    }

    /**
     * Converts a value to a new JSON tree.
     *
     * @param value the value
     * @param path  where the value is, for messages, such as {@code variables}; empty for a whole body
     * @return the tree; changing it does not change {@code value}, nor the other way round
     * @throws IllegalArgumentException if the value, or anything in it, cannot be written as JSON
     */
    public static JsonElement toTree(Object value, String path) {
        return new JsonValues().convert(value, JsonPath.root(path), 0);
    }

    private JsonElement convert(Object value, JsonPath path, int depth) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        JsonElement scalar = scalar(value, path);
        if (scalar != null) {
            return scalar;
        }
        if (value instanceof Optional<?> o) {
            return convert(o.orElse(null), path, depth);
        }
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException(path + " is nested deeper than " + MAX_DEPTH
                    + " levels, which JSON readers refuse");
        }
        JsonPath seenAt = open.putIfAbsent(value, path);
        if (seenAt != null) {
            throw new IllegalArgumentException(path + " is " + seenAt
                    + " again: a value that contains itself cannot be written as JSON");
        }
        try {
            return container(value, path, depth + 1);
        } finally {
            open.remove(value);
        }
    }

    /** @return the JSON of a value that holds no other values, or null if {@code value} is not one */
    private static JsonElement scalar(Object value, JsonPath path) {
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(number(n, path));
        }
        if (value instanceof Character || value instanceof CharSequence || value instanceof UUID
                || value instanceof URI || value instanceof Path || value instanceof File || value instanceof ZoneId
                || value instanceof Duration || value instanceof Period || value instanceof LocalDate
                || value instanceof Year || value instanceof YearMonth || value instanceof MonthDay) {
            return new JsonPrimitive(value.toString());
        }
        if (value instanceof Enum<?> e) {
            return new JsonPrimitive(e.name());
        }
        String time = time(value);
        if (time != null) {
            return new JsonPrimitive(time);
        }
        if (value instanceof URL u) {
            return new JsonPrimitive(u.toExternalForm());
        }
        if (value instanceof OptionalInt o) {
            return o.isPresent() ? new JsonPrimitive(o.getAsInt()) : JsonNull.INSTANCE;
        }
        if (value instanceof OptionalLong o) {
            return o.isPresent() ? new JsonPrimitive(o.getAsLong()) : JsonNull.INSTANCE;
        }
        if (value instanceof OptionalDouble o) {
            return o.isPresent() ? new JsonPrimitive(number(o.getAsDouble(), path)) : JsonNull.INSTANCE;
        }
        if (value instanceof JsonPrimitive p) {
            return p.isNumber() ? new JsonPrimitive(number(p.getAsNumber(), path)) : p.deepCopy();
        }
        if (value instanceof JsonNull) {
            return JsonNull.INSTANCE;
        }
        return null;
    }

    private static String time(Object value) {
        if (value instanceof Instant i) {
            return Rfc3339.format(i);
        }
        if (value instanceof OffsetDateTime t) {
            return Rfc3339.format(t);
        }
        if (value instanceof ZonedDateTime t) {
            return Rfc3339.format(t.toOffsetDateTime());
        }
        if (value instanceof Date d) {
            // java.sql.Date and Time refuse toInstant(); the milliseconds are the instant of any Date
            return Rfc3339.format(value.getClass() == Date.class ? d.toInstant() : instantOf(d));
        }
        if (value instanceof Calendar c) {
            return Rfc3339.format(Instant.ofEpochMilli(c.getTimeInMillis()));
        }
        if (value instanceof LocalDateTime t) {
            return LOCAL_DATE_TIME.format(t);
        }
        if (value instanceof LocalTime t) {
            return LOCAL_TIME.format(t);
        }
        if (value instanceof OffsetTime t) {
            return OFFSET_TIME.format(t);
        }
        return null;
    }

    private static Instant instantOf(Date d) {
        try {
            return d.toInstant(); // java.sql.Timestamp keeps its nanoseconds this way
        } catch (UnsupportedOperationException e) {
            return Instant.ofEpochMilli(d.getTime());
        }
    }

    /** @return a number JSON can hold exactly as Java has it */
    private static Number number(Number n, JsonPath path) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal) {
            return n;
        }
        if (n instanceof Double || n instanceof Float) {
            if (!Double.isFinite(n.doubleValue())) {
                throw new IllegalArgumentException(path + " is " + n
                        + ", which JSON cannot hold: send null, a string or a finite number");
            }
            return n;
        }
        if (n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.longValue();
        }
        try {
            return new BigDecimal(n.toString()); // LongAdder, Gson's LazilyParsedNumber, ...
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + " is a " + n.getClass().getName() + " whose text \""
                    + n + "\" is not a number JSON can hold", e);
        }
    }

    private JsonElement container(Object value, JsonPath path, int depth) {
        if (value instanceof Map<?, ?> m) {
            JsonObject object = new JsonObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = key(e.getKey(), path);
                if (object.has(key)) {
                    throw new IllegalArgumentException("two keys of " + path + " are both written as \""
                            + key + "\"");
                }
                object.add(key, convert(e.getValue(), path.child(key), depth));
            }
            return object;
        }
        if (value instanceof Iterable<?> items) {
            JsonArray array = new JsonArray();
            for (Object item : items) {
                array.add(convert(item, path.index(array.size()), depth));
            }
            return array;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            JsonArray array = new JsonArray(n);
            for (int i = 0; i < n; i++) {
                array.add(convert(Array.get(value, i), path.index(i), depth));
            }
            return array;
        }
        if (value instanceof JsonObject o) {
            JsonObject copy = new JsonObject();
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                copy.add(e.getKey(), convert(e.getValue(), path.child(e.getKey()), depth));
            }
            return copy;
        }
        if (value instanceof JsonArray a) {
            JsonArray copy = new JsonArray(a.size());
            for (JsonElement e : a) {
                copy.add(convert(e, path.index(copy.size()), depth));
            }
            return copy;
        }
        Class<?> type = value.getClass();
        if (isJdk(type) || type.isSynthetic() || type.isHidden()) {
            throw new IllegalArgumentException(path + " is a " + type.getName() + ", which has no JSON form:"
                    + " pass a String, number, boolean, Map, List, array, java.time value, record or plain object");
        }
        if (type.isRecord()) {
            return record(value, path, depth);
        }
        return object(value, path, depth);
    }

    private String key(Object key, JsonPath path) {
        if (key == null) {
            throw new IllegalArgumentException(path + " has a null key, which JSON cannot hold");
        }
        JsonElement k = scalar(key, path.child(String.valueOf(key)));
        if (k == null || !k.isJsonPrimitive() || k.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("a key of " + path + " is a " + key.getClass().getName()
                    + ": keys must be written as strings (String, enum, number, UUID, ...)");
        }
        return k.getAsString();
    }

    private JsonElement record(Object value, JsonPath path, int depth) {
        JsonObject object = new JsonObject();
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Method accessor = c.getAccessor();
            Object v;
            try {
                accessor.setAccessible(true);
                v = accessor.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read " + path.child(c.getName()) + " of "
                        + value.getClass().getName() + ": " + e, e);
            }
            if (v != null) {
                String name = serializedName(value.getClass(), c.getName());
                object.add(name, convert(v, path.child(name), depth));
            }
        }
        return object;
    }

    private static String serializedName(Class<?> record, String component) {
        try {
            return JsonNames.of(record.getDeclaredField(component));
        } catch (NoSuchFieldException e) {
            return component;
        }
    }

    private JsonElement object(Object value, JsonPath path, int depth) {
        JsonObject object = new JsonObject();
        Map<?, ?> extras = null;
        List<Member> members;
        try {
            members = FIELDS.get(value.getClass());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        for (Member m : members) {
            Object v = m.get(value, path);
            if (m.extras) {
                extras = (Map<?, ?>) v;
            } else if (v != null) {
                object.add(m.name, convert(v, path.child(m.name), depth));
            }
        }
        if (extras != null) {
            for (Map.Entry<?, ?> e : extras.entrySet()) {
                String key = key(e.getKey(), path);
                if (!object.has(key)) {
                    object.add(key, convert(e.getValue(), path.child(key), depth));
                }
            }
        }
        return object;
    }

    /** A field written as a member, or the additional properties written at the top level. */
    private record Member(String name, Field field, boolean extras) {
        Object get(Object instance, JsonPath path) {
            try {
                return field.get(instance);
            } catch (IllegalAccessException e) {
                throw new IllegalArgumentException("cannot read " + path.child(name) + ": " + e, e);
            }
        }
    }

    private static List<Member> fieldsOf(Class<?> type) {
        Map<String, Member> byName = new LinkedHashMap<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isTransient(mod) || f.isSynthetic()) {
                    continue;
                }
                boolean extras = f.getName().equals("additionalProperties") && Map.class.isAssignableFrom(f.getType());
                // the extras' key is no JSON name (it starts with a space), so no field can hide it
                String name = extras ? " additionalProperties" : JsonNames.of(f);
                if (byName.containsKey(name)) {
                    continue; // a subclass's field hides its superclass's
                }
                try {
                    f.setAccessible(true);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("cannot read the field " + f.getName() + " of " + type.getName()
                            + " (" + e.getMessage() + "): open its package, or pass a Map", e);
                }
                byName.put(name, new Member(name, f, extras));
            }
        }
        return List.copyOf(byName.values());
    }

    private static boolean isJdk(Class<?> type) {
        String n = type.getName();
        return n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("jdk.") || n.startsWith("sun.")
                || n.startsWith("com.sun.");
    }
}
