package io.flowsdk.bench;

/**
 * Realistic task JSON, compact as a server sends it: every field of the spec's {@code Task} and
 * {@code Meta} set (full UUIDs, date-times with milliseconds), {@code variables} with a nested
 * history, and one field the model does not know. About 1.5 KB a task, so a list page of 100 is
 * about 150 KB, the size of a realistic page. Pages are generated on the fly from their start index:
 * nothing is held.
 */
final class TaskJson {
    private TaskJson() {
    }

    static String id(long i) {
        return "2b7d9c40-8f1e-4a3b-b6c5-" + pad12(i);
    }

    /** The inverse of {@link #id(long)}: ids sort by code point as their numbers do (zero-padded). */
    static long number(String id) {
        return Long.parseLong(id.substring(id.length() - 12));
    }

    static String task(long i) {
        String id = id(i);
        boolean completed = i % 3 == 0;
        StringBuilder sb = new StringBuilder(1600);
        sb.append("{\"id\":\"").append(id).append("\",")
                .append("\"displayName\":\"Approve access to Payroll for Alice Smith #").append(i).append("\",")
                .append("\"description\":\"Alice Smith (Finance, cost centre 4711) requests the role payroll-viewer")
                .append(" in the Payroll application for 90 days, to prepare the quarterly close.\",")
                .append("\"status\":\"").append(completed ? "completed" : "pending").append("\",")
                .append("\"assigneeId\":\"8d0e4c55-2f4b-4e61-9a0b-5c7d6e8f9a01\",")
                .append("\"ownerId\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\",")
                .append("\"due\":\"2026-12-01T17:00:00.000Z\",");
        if (completed) {
            sb.append("\"ended\":\"2026-11-04T08:30:12.345Z\",");
        }
        sb.append("\"formId\":\"approval-form\",\"externalId\":\"ticket-").append(i).append("\",")
                .append("\"groupsIds\":[\"payroll-approvers\",\"finance-managers\"],")
                .append("\"usersIds\":[\"8d0e4c55-2f4b-4e61-9a0b-5c7d6e8f9a01\",\"7c6b5a49-3827-4160-9f8e-7d6c5b4a3928\"],")
                .append("\"flow\":{\"flowExternalId\":\"access-request\",")
                .append("\"flowInstanceKey\":\"6f1c2a9e-51c4-4d8e-9a57-").append(pad12(i)).append("\",")
                .append("\"flowKey\":\"accessRequestApproval\"},")
                .append("\"meta\":{\"appId\":\"3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7\",")
                .append("\"commitId\":\"9f8e7d6c-5b4a-4392-8170-").append(pad12(i)).append("\",")
                .append("\"created\":\"2026-11-02T09:15:30.120Z\",\"lastModified\":\"2026-11-03T14:02:11.870Z\",")
                .append("\"location\":\"https://acme.example.com/api/v1/flows/tasks/").append(id).append("\",")
                .append("\"refersToId\":\"6f1c2a9e-51c4-4d8e-9a57-").append(pad12(i)).append("\",")
                .append("\"resourceType\":\"Task\",\"revision\":").append(2 + i % 5).append(",\"tenantId\":\"acme\"},")
                .append("\"variables\":{\"requestedRole\":\"payroll-viewer\",\"approved\":").append(completed)
                .append(",\"validDays\":90,\"amount\":1250.5,\"ticketNumber\":").append(12345678901234567L + i)
                .append(",\"approvers\":[\"bob.jones\",\"carol.white\"],")
                .append("\"history\":[{\"at\":\"2026-11-02T09:15:30.120Z\",\"by\":\"alice.smith\",\"action\":\"requested\"},")
                .append("{\"at\":\"2026-11-03T14:02:11.870Z\",\"by\":\"bob.jones\",\"action\":\"escalated\",")
                .append("\"comment\":\"Needs a second approver from Finance.\"}]},")
                .append("\"x-trace\":\"unknown-field-").append(i).append("\"}");
        return sb.toString();
    }

    /**
     * One SCIM list page: the tasks {@code start .. start + count - 1} of a list of {@code size}
     * (clipped to it), with the envelope's {@code schemas}, which the model does not declare.
     */
    static String page(long start, long count, long size) {
        return page(start, count, size, start, size);
    }

    /**
     * A page as {@link #page(long, long, long)}, with the envelope's {@code startIndex} and
     * {@code totalResults} given: a keyset page echoes {@code startIndex=1} and counts the items
     * after the key.
     */
    static String page(long start, long count, long size, long echoStart, long total) {
        StringBuilder sb = new StringBuilder((int) Math.min(count, 1000) * 1600 + 200)
                .append("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"Resources\":[");
        long n = 0;
        for (long i = Math.max(1, start); i <= size && n < count; i++, n++) {
            if (n > 0) {
                sb.append(',');
            }
            sb.append(task(i));
        }
        return sb.append("],\"itemsPerPage\":").append(n).append(",\"startIndex\":").append(echoStart)
                .append(",\"totalResults\":").append(total).append('}').toString();
    }

    private static String pad12(long i) {
        String s = Long.toString(i);
        return "000000000000".substring(Math.min(12, s.length())) + s;
    }
}
