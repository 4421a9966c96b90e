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

    /** itemsPerPage to ITEMS_PER_PAGE, HTTPStatus to HTTP_STATUS: the generator's own rule. */
    static String upperSnake(String camel) {
        return camel.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
                .replaceAll("([a-z\\d])([A-Z])", "$1_$2")
                .replace('-', '_')
                .toUpperCase(java.util.Locale.ROOT);
    }
}
