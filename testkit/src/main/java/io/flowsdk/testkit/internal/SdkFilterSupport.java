package io.flowsdk.testkit.internal;

import com.google.gson.JsonObject;
import io.flowsdk.client.filter.Filter;
import io.flowsdk.client.filter.FilterEvaluator;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Filters with the SDK's own parser and evaluator, so the fake filters exactly the way the SDK
 * models the language. Identifiers ({@code id}, {@code externalId}, {@code meta.location},
 * {@code flow.flowInstanceKey}) compare case-exactly, as SCIM defines {@code id} and
 * {@code externalId}; every other string comparison ignores case. Not public API.
 */
public final class SdkFilterSupport implements FilterSupport {
    /** The attributes compared case-exactly. */
    public static final Set<String> CASE_EXACT = Set.of("id", "externalId", "meta.location", "flow.flowInstanceKey");

    private final FilterEvaluator evaluator = FilterEvaluator.withCaseExactAttributes(CASE_EXACT);

    @Override
    public Predicate<JsonObject> compile(String filter) {
        Filter parsed = Filter.parse(filter);
        return resource -> evaluator.matches(parsed, resource);
    }
}
