package io.flowsdk.bench;

/** Realistic task JSON, as a server would send it. */
final class TaskJson {
    private TaskJson() {
    }

    static String task(long i) {
        return "{\"id\":\"2b7d9c40-8f1e-4a3b-b6c5-" + String.format("%012d", i) + "\","
                + "\"displayName\":\"Approve access to Payroll #" + i + "\","
                + "\"description\":\"Alice Smith requests access to the Payroll application.\","
                + "\"status\":\"" + (i % 3 == 0 ? "completed" : "pending") + "\","
                + "\"assigneeId\":\"8d0e4c55-2f4b-4e61-9a0b-5c7d6e8f9a01\","
                + "\"ownerId\":\"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d\","
                + "\"due\":\"2026-12-01T17:00:00Z\",\"formId\":\"approval-form\",\"externalId\":\"ticket-" + i + "\","
                + "\"groupsIds\":[\"payroll-approvers\",\"finance\"],\"usersIds\":[\"u1\",\"u2\"],"
                + "\"flow\":{\"flowExternalId\":\"access-request\",\"flowInstanceKey\":\"6f1c2a9e-51c4-4d8e-9a57-1d2e3f4a5b6c\",\"flowKey\":\"accessRequestApproval\"},"
                + "\"meta\":{\"created\":\"2026-11-02T09:15:30.120Z\",\"lastModified\":\"2026-11-03T14:02:11.870Z\","
                + "\"location\":\"https://acme.example.com/api/v1/flows/tasks/" + i + "\",\"resourceType\":\"Task\","
                + "\"revision\":2,\"tenantId\":\"acme\"},"
                + "\"variables\":{\"requestedRole\":\"payroll-viewer\",\"approved\":false,\"amount\":1250,"
                + "\"approvers\":[\"bob\",\"carol\"]},"
                + "\"x-trace\":\"unknown-field-" + i + "\"}";
    }

    static String page(long start, long count, long size) {
        StringBuilder sb = new StringBuilder("{\"Resources\":[");
        long n = 0;
        for (long i = Math.max(1, start); i <= size && n < count; i++, n++) {
            if (n > 0) {
                sb.append(',');
            }
            sb.append(task(i));
        }
        return sb.append("],\"itemsPerPage\":").append(n).append(",\"startIndex\":").append(start)
                .append(",\"totalResults\":").append(size).append('}').toString();
    }
}
