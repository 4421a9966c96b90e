package io.flowsdk.client.internal;

import com.google.gson.annotations.SerializedName;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The JSON name of a field: what the model adapters read and what {@link JsonValues} writes.
 *
 * <p>A field of a generated model is named by the constant the generator writes next to it
 * ({@code SERIALIZED_NAME_ITEMS_PER_PAGE = "itemsPerPage"} for the field {@code itemsPerPage}):
 * reading a static field costs nothing, while reading the field's {@code @SerializedName} makes
 * the JDK parse annotations and build proxies (about 35 classes and a dynamic module at the first
 * model a JVM reads). Any other field is named by its {@code @SerializedName}, or by itself.
 * {@code ModelCoverageTest} holds the two ways to the same answer for every model field.
 */
final class JsonNames {
    private static final String MODEL_PACKAGE = "io.flowsdk.client.model";

    private JsonNames() {
    }

    static String of(Field field) {
        String name = fromConstant(field);
        if (name != null) {
            return name;
        }
        SerializedName sn = field.getAnnotation(SerializedName.class);
        return sn != null ? sn.value() : field.getName();
    }

    /** {@return the value of the generator's constant for a model field, or null if there is none} */
    static String fromConstant(Field field) {
        Class<?> owner = field.getDeclaringClass();
        if (!MODEL_PACKAGE.equals(owner.getPackageName())) {
            return null;
        }
        try {
            Field constant = owner.getField("SERIALIZED_NAME_" + upperSnake(field.getName()));
            int m = constant.getModifiers();
            return Modifier.isStatic(m) && Modifier.isFinal(m) && constant.getType() == String.class
                    ? (String) constant.get(null) : null;
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return null;
        }
    }

    /**
     * itemsPerPage to ITEMS_PER_PAGE, HTTPStatus to HTTP_STATUS: the generator's own rule (an
     * underscore between a lower-case letter or digit and an upper-case one, and before the last
     * capital of a run of capitals followed by a lower-case letter), without regular expressions,
     * which would be compiled twice per field of every model at the first call.
     */
    static String upperSnake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 8);
        int n = camel.length();
        for (int i = 0; i < n; i++) {
            char c = camel.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char before = camel.charAt(i - 1);
                boolean afterLowerOrDigit = Character.isLowerCase(before) || Character.isDigit(before);
                boolean endsCapitalRun = Character.isUpperCase(before) && i + 1 < n
                        && Character.isLowerCase(camel.charAt(i + 1));
                if (afterLowerOrDigit || endsCapitalRun) {
                    b.append('_');
                }
            }
            b.append(c == '-' ? '_' : Character.toUpperCase(c));
        }
        return b.toString();
    }
}
