package io.flowsdk.client.internal;

import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.FlowInstancesList;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TasksList;

import java.util.List;

/**
 * How {@link ListEndpoint} reads one generated list envelope: its items, its SCIM numbers and an
 * item's id. Named methods rather than five positional functions (two of them of the same type,
 * easy to swap), and a class per envelope rather than five lambdas: each lambda is a class the
 * JVM spins when the first client is built (about 0.6 ms apiece at start-up).
 *
 * @param <T> item type
 * @param <L> envelope type
 */
public abstract class ListEnvelope<T, L> {
    private final Class<L> type;

    ListEnvelope(Class<L> type) {
        this.type = type;
    }

    /** {@return the generated envelope class, which the JSON is read into} */
    public final Class<L> type() {
        return type;
    }

    abstract List<T> items(L list);

    abstract Long totalResults(L list);

    abstract Long startIndex(L list);

    abstract Integer itemsPerPage(L list);

    abstract String id(T item);

    /**
     * {@return the envelope of {@code GET /flows/tasks}} A factory typed as the base class: the JVM
     * verifies a caller that passes {@code new OfTasks()} as a {@code ListEnvelope} by loading both
     * classes, at the caller's first use (start-up time), even if it never lists.
     */
    public static ListEnvelope<Task, TasksList> ofTasks() {
        return new OfTasks();
    }

    /** {@return the envelope of {@code GET /flows/}} */
    public static ListEnvelope<FlowInstance, FlowInstancesList> ofFlowInstances() {
        return new OfFlowInstances();
    }

    private static final class OfTasks extends ListEnvelope<Task, TasksList> {
        OfTasks() {
            super(TasksList.class);
        }

        @Override
        List<Task> items(TasksList list) {
            return list.getResources();
        }

        @Override
        Long totalResults(TasksList list) {
            return list.getTotalResults();
        }

        @Override
        Long startIndex(TasksList list) {
            return list.getStartIndex();
        }

        @Override
        Integer itemsPerPage(TasksList list) {
            return list.getItemsPerPage();
        }

        @Override
        String id(Task item) {
            return item.getId();
        }
    }

    private static final class OfFlowInstances extends ListEnvelope<FlowInstance, FlowInstancesList> {
        OfFlowInstances() {
            super(FlowInstancesList.class);
        }

        @Override
        List<FlowInstance> items(FlowInstancesList list) {
            return list.getResources();
        }

        @Override
        Long totalResults(FlowInstancesList list) {
            return list.getTotalResults();
        }

        @Override
        Long startIndex(FlowInstancesList list) {
            return list.getStartIndex();
        }

        @Override
        Integer itemsPerPage(FlowInstancesList list) {
            return list.getItemsPerPage();
        }

        @Override
        String id(FlowInstance item) {
            return item.getId();
        }
    }
}
