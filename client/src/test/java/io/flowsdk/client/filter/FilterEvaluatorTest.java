package io.flowsdk.client.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.flowsdk.client.model.Meta;
import io.flowsdk.client.model.Task;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterEvaluatorTest {

    private static final JsonElement TASK = JsonParser.parseString("""
            {
              "id": "task-1",
              "displayName": "Approve access",
              "description": "Grant ACCESS to the VPN",
              "status": "pending",
              "due": "2026-01-15T10:00:00Z",
              "ended": null,
              "assigneeId": "",
              "groupsIds": ["g1", "G2"],
              "usersIds": [],
              "flow": {},
              "meta": {
                "revision": 3,
                "created": "2026-01-01T08:00:00+02:00",
                "resourceType": "Task",
                "location": "https://acme.example.com/api/v1/flows/tasks/task-1"
              },
              "variables": {"approved": true, "amount": 10.50, "note": "Rush", "tags": ["a", "b"], "requester": {"name": "Bob"}},
              "emails": [
                {"type": "work", "value": "bob@example.com", "primary": true},
                {"type": "home", "value": "bob@home.org"}
              ],
              "urn:example:params:scim:schemas:extension:flows:1.0:Task": {"priority": 5}
            }
            """);

    static Stream<Arguments> truthTable() {
        return Stream.of(
                // strings: case-insensitive by default, attribute names too
                row("status eq \"pending\"", true),
                row("STATUS EQ \"PENDING\"", true),
                row("status eq \"done\"", false),
                row("status ne \"done\"", true),
                row("status ne \"pending\"", false),
                row("displayName sw \"approve\"", true),
                row("displayName ew \"ACCESS\"", true),
                row("description co \"access\"", true),
                row("displayName co \"xyz\"", false),
                row("displayName sw \"access\"", false),
                row("id sw \"TASK\"", true),
                row("status gt \"p\"", true),
                row("status lt \"Q\"", true),
                row("status ge \"PENDING\"", true),
                row("displayName ge \"b\"", false),
                row("meta.resourceType eq \"task\"", true),
                row("meta.location sw \"HTTPS://acme\"", true),
                // date-times compare as instants when both sides are RFC 3339
                row("due gt \"2026-01-01T00:00:00Z\"", true),
                row("due lt \"2026-01-15T12:00:00+02:00\"", false),
                row("due le \"2026-01-15T12:00:00+02:00\"", true),
                row("due eq \"2026-01-15T12:00:00+02:00\"", true),
                row("due eq \"2026-01-15T10:00Z\"", true),
                row("due eq \"2026-01-15T10:00:00.000Z\"", true),
                row("due ne \"2026-01-15T10:00:00.001Z\"", true),
                row("due gt \"2026-01-15T09:59:59.999999999Z\"", true),
                row("meta.created ge \"2026-01-01T06:00:00Z\"", true),
                row("meta.created gt \"2026-01-01T06:00:00Z\"", false),
                row("due sw \"2026-01\"", true),
                row("due gt \"2026-01-15\"", true), // not a date-time: lexicographic
                // numbers compare as BigDecimal
                row("meta.revision eq 3", true),
                row("meta.revision eq 3.0", true),
                row("meta.revision eq 3e0", true),
                row("meta.revision gt 2", true),
                row("meta.revision ge 3", true),
                row("meta.revision lt 3", false),
                row("meta.revision le 3", true),
                row("meta.revision ne 3", false),
                row("variables.amount eq 10.5", true),
                row("variables.amount gt 10", true),
                row("variables.amount lt 1e1", false),
                // mismatched types never match; ne is the negation of eq
                row("meta.revision eq \"3\"", false),
                row("meta.revision ne \"3\"", true),
                row("status eq 5", false),
                row("status co 5", false),
                row("variables.approved eq \"true\"", false),
                row("meta.revision co 3", false),
                row("variables eq \"x\"", false),
                // booleans
                row("variables.approved eq true", true),
                row("variables.approved eq TRUE", true),
                row("variables.approved ne true", false),
                row("variables.approved eq false", false),
                row("variables.approved ne false", true),
                // multi-valued: any value matches
                row("groupsIds eq \"g2\"", true),
                row("groupsIds eq \"g3\"", false),
                row("groupsIds ne \"g1\"", false),   // ne: no value equals g1
                row("groupsIds ne \"g9\"", true),
                row("variables.tags eq \"B\"", true),
                row("emails.value co \"home.org\"", true),
                row("emails.type eq \"work\"", true),
                row("emails.primary eq true", true),
                // presence and null
                row("groupsIds pr", true),
                row("usersIds pr", false),
                row("usersIds eq null", true),
                row("usersIds ne null", false),
                row("ended pr", false),
                row("ended eq null", true),
                row("ended ne null", false),
                row("missing pr", false),
                row("missing eq null", true),
                row("missing ne null", false),
                row("missing eq \"x\"", false),
                row("missing ne \"x\"", true),     // not (missing eq "x"), as the UnboundID SCIM 2 SDK
                row("assigneeId pr", false),
                row("assigneeId eq null", false),
                row("assigneeId eq \"\"", true),
                row("flow pr", false),
                row("status pr", true),
                row("status ne null", true),
                row("variables pr", true),
                row("meta.revision pr", true),
                row("meta.nothing pr", false),
                row("status.sub pr", false),
                // value paths
                row("emails[type eq \"work\"]", true),
                row("emails[type eq \"work\" and value co \"@example.com\"]", true),
                row("emails[type eq \"home\" and value co \"@example.com\"]", false),
                row("emails[type eq \"home\"] and emails[value ew \".com\"]", true),
                row("emails[primary eq true]", true),
                row("emails[primary eq true and type eq \"home\"]", false),
                row("emails[not (type pr)]", false),
                row("emails[not (primary pr)]", true),
                row("emails[type ne \"work\"]", true),
                row("emails[TYPE EQ \"WORK\"]", true),
                row("Emails[Type eq \"work\"]", true),
                row("groupsIds[value eq \"G1\"]", true),
                row("groupsIds[value sw \"x\"]", false),
                row("usersIds[value pr]", false),
                row("missing[type pr]", false),
                row("status[value eq \"pending\"]", true),
                row("meta[revision eq 3]", true),
                // URN prefixes: core prefix ignored, extension prefix followed
                row("urn:ietf:params:scim:schemas:core:2.0:Task:status eq \"pending\"", true),
                row("urn:ietf:params:scim:schemas:core:2.0:Task:meta.revision eq 3", true),
                row("urn:example:params:scim:schemas:extension:flows:1.0:Task:priority gt 4", true),
                row("urn:example:params:scim:schemas:extension:flows:1.0:Task:priority gt 5", false),
                row("URN:EXAMPLE:params:scim:schemas:extension:flows:1.0:Task:priority eq 5", true),
                // logic
                row("not (status eq \"pending\")", false),
                row("not (not (status eq \"pending\"))", true),
                row("status eq \"done\" or variables.approved eq true", true),
                row("status eq \"done\" or variables.approved eq false", false),
                row("status eq \"pending\" and not (ended pr)", true),
                row("status eq \"pending\" and (displayName sw \"Approve\" or description co \"nothing\") and not (ended pr)", true),
                row("status eq \"pending\" and displayName sw \"Nope\"", false),
                row("status eq \"done\" and displayName sw \"Approve\" or meta.revision eq 3", true));
    }

    private static Arguments row(String filter, boolean expected) {
        return Arguments.of(filter, expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("truthTable")
    void evaluatesAgainstTaskJson(String filter, boolean expected) {
        Filter f = Filter.parse(filter);
        assertEquals(expected, f.matches(TASK));
        assertEquals(expected, FilterEvaluator.standard().matches(f, TASK));
        assertEquals(!expected, Filter.not(f).matches(TASK), "not negates");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "variables.approved gt true", "variables.approved ge false", "variables.approved lt true",
        "variables.approved le true", "variables.approved co true", "variables.approved sw true",
        "variables.approved ew false", "missing gt true",
        "status eq \"pending\" or variables.approved gt true", // rejected before evaluation, whatever the data
        "emails[primary gt true]", "not (x lt false)"})
    void orderingBooleansIsRejected(String filter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Filter.parse(filter).matches(TASK));
        assertTrue(e.getMessage().contains("cannot compare booleans"), e.getMessage());
    }

    @Test
    void caseExactAttributes() {
        FilterEvaluator exact = FilterEvaluator.withCaseExactAttributes(Set.of("Status", "emails.value",
                "urn:ietf:params:scim:schemas:core:2.0:Task:meta.location"));
        assertFalse(exact.matches(Filter.parse("status eq \"PENDING\""), TASK));
        assertTrue(exact.matches(Filter.parse("status eq \"pending\""), TASK));
        assertTrue(exact.matches(Filter.parse("status gt \"P\""), TASK), "'p' > 'P' case-exactly");
        assertFalse(exact.matches(Filter.parse("status lt \"Q\""), TASK), "'p' > 'Q' case-exactly");
        assertFalse(exact.matches(Filter.parse("emails.value eq \"BOB@example.com\""), TASK));
        assertFalse(exact.matches(Filter.parse("emails[value eq \"BOB@example.com\"]"), TASK));
        assertTrue(exact.matches(Filter.parse("emails[value eq \"bob@example.com\"]"), TASK));
        assertFalse(exact.matches(Filter.parse("meta.location sw \"HTTPS\""), TASK));
        assertFalse(exact.matches(Filter.parse("URN:ietf:params:scim:schemas:core:2.0:Task:STATUS co \"PEND\""), TASK));
        // other attributes still ignore case
        assertTrue(exact.matches(Filter.parse("displayName eq \"APPROVE ACCESS\""), TASK));
        assertTrue(exact.matches(Filter.parse("emails[type eq \"WORK\"]"), TASK));
        assertThrows(IllegalArgumentException.class, () -> FilterEvaluator.withCaseExactAttributes(Set.of("bad name")));
    }

    @Test
    void caseExactStringsCompareByCodePointAndNeverAsDateTimes() {
        FilterEvaluator exact = FilterEvaluator.withCaseExactAttributes(Set.of("id"));
        JsonElement emoji = JsonParser.parseString("{\"id\": \"\uD83D\uDE00\"}"); // U+1F600, a surrogate pair
        assertTrue(exact.matches(Filter.gt("id", "\uFFFD"), emoji), "U+1F600 > U+FFFD in code point order");
        assertFalse(exact.matches(Filter.lt("id", "\uFFFD"), emoji));
        // identifiers are opaque: two ids that name the same instant are still two ids
        JsonElement timeLike = JsonParser.parseString("{\"id\": \"2026-01-01T01:00:00+01:00\"}");
        assertFalse(exact.matches(Filter.eq("id", "2026-01-01T00:00:00Z"), timeLike));
        assertTrue(exact.matches(Filter.gt("id", "2026-01-01T00:00:00Z"), timeLike));
        assertFalse(exact.matches(Filter.lt("id", "2026-01-01T00:30:00Z"), timeLike), "as text, not as 00:00Z < 00:30Z");
        // attributes that are not case-exact keep comparing date-times as instants
        assertTrue(FilterEvaluator.standard().matches(Filter.eq("id", "2026-01-01T00:00:00Z"), timeLike));
    }

    @Test
    void nullAndNonObjectResources() {
        assertFalse(Filter.pr("a").matches((JsonElement) null));
        assertTrue(Filter.eqNull("a").matches((JsonElement) null));
        assertTrue(Filter.eqNull("a").matches(JsonNull.INSTANCE));
        assertFalse(Filter.eq("a", 1).matches(JsonParser.parseString("[1, 2]")));
        assertFalse(Filter.eq("a", 1).matches(JsonParser.parseString("\"a\"")));
        assertThrows(NullPointerException.class, () -> FilterEvaluator.standard().matches(null, TASK));
    }

    @Test
    void attributeNamesMatchIgnoringCaseButExactNameWins() {
        JsonElement json = JsonParser.parseString("{\"Name\": \"upper\", \"name\": \"lower\"}");
        assertTrue(Filter.eq("name", "lower").matches(json));
        assertTrue(Filter.eq("Name", "upper").matches(json));
        assertTrue(Filter.eq("NAME", "upper").matches(json), "first case-insensitive match");
    }

    @Test
    void modelObjectsAreConvertedToJson() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("approved", true);
        variables.put("amount", 10.5);
        variables.put("decidedAt", OffsetDateTime.parse("2026-01-02T03:04:05+01:00"));
        Task task = new Task()
                .id("task-1")
                .displayName("Approve access")
                .status("pending")
                .due(OffsetDateTime.parse("2026-01-15T10:00Z"))
                .groupsIds(List.of("g1", "g2"))
                .meta(new Meta().revision(3L).created(OffsetDateTime.parse("2026-01-01T08:00:00+02:00"))
                        .putAdditionalProperty("etag", "W/\"3\""))
                .variables(variables)
                .putAdditionalProperty("priority", 5)
                .putAdditionalProperty("status", "shadowed"); // declared fields win

        JsonObject json = FilterEvaluator.toJson(task).getAsJsonObject();
        assertEquals("2026-01-15T10:00:00Z", json.get("due").getAsString());
        assertEquals(5, json.get("priority").getAsInt());
        assertEquals("pending", json.get("status").getAsString());
        assertFalse(json.has("additionalProperties"));
        assertEquals("W/\"3\"", json.getAsJsonObject("meta").get("etag").getAsString());
        assertFalse(json.getAsJsonObject("meta").has("additionalProperties"));

        assertTrue(Filter.parse("status eq \"pending\" and priority ge 5").matches(task));
        assertTrue(Filter.parse("due eq \"2026-01-15T12:00:00+02:00\"").matches(task));
        assertTrue(Filter.parse("meta.revision eq 3 and meta.etag pr and meta.created lt \"2026-01-01T07:00:00Z\"").matches(task));
        assertTrue(Filter.parse("variables.approved eq true and variables.amount gt 10").matches(task));
        assertTrue(Filter.parse("variables.decidedAt eq \"2026-01-02T02:04:05Z\"").matches(task));
        assertTrue(Filter.parse("groupsIds eq \"G2\" and ended eq null and not (assigneeId pr)").matches(task));
        assertFalse(Filter.parse("additionalProperties pr").matches(task));
        assertTrue(FilterEvaluator.standard().matches(Filter.pr("id"), (Object) task));
    }

    /** A hand-written model in the shape of the generated ones. */
    static final class Pojo {
        @com.google.gson.annotations.SerializedName("display_name")
        String displayName = "x";
        OffsetDateTime at = OffsetDateTime.parse("2026-03-01T00:00:00.500Z");
        Object variables = Map.of("k", List.of(1, 2));
        Map<String, Object> additionalProperties = Map.of("extra", "yes", "display_name", "ignored");
        Pojo child;
    }

    @Test
    void handWrittenModelObjects() {
        Pojo pojo = new Pojo();
        pojo.child = new Pojo();
        pojo.child.additionalProperties = Map.of("deep", 1);
        JsonObject json = FilterEvaluator.toJson(pojo).getAsJsonObject();
        assertEquals("x", json.get("display_name").getAsString());
        assertEquals("yes", json.get("extra").getAsString());
        assertEquals("2026-03-01T00:00:00.5Z", json.get("at").getAsString());
        assertEquals(1, json.getAsJsonObject("child").get("deep").getAsInt());
        assertTrue(Filter.parse("display_name eq \"X\" and extra eq \"yes\" and variables.k eq 2 and child.deep eq 1").matches(pojo));
        assertTrue(Filter.parse("at gt \"2026-03-01T00:00:00Z\"").matches(pojo));
        // a JsonElement passed as Object is used as it is
        assertTrue(Filter.pr("id").matches((Object) TASK));
        assertFalse(Filter.pr("id").matches((Object) null));
    }
}
