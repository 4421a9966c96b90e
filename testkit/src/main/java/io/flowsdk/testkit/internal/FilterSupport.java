package io.flowsdk.testkit.internal;

import com.google.gson.JsonObject;
import java.util.function.Predicate;

/**
 * The seam between the fake and the SDK's filter parser and evaluator. Not public API.
 */
@FunctionalInterface
public interface FilterSupport {

    /**
     * Compiles a SCIM filter into a predicate over stored resources.
     *
     * @param filter the filter text as sent
     * @return the predicate; it may throw {@link IllegalArgumentException} for a comparison the
     *     filter language does not allow (such as {@code gt} on a boolean)
     * @throws IllegalArgumentException for a malformed filter
     */
    Predicate<JsonObject> compile(String filter);
}
