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

    /** {@code GET /flows/tasks}. */
    public static final class OfTasks extends ListEnvelope<Task, TasksList> {
        public OfTasks() {
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

    /** {@code GET /flows/}. */
    public static final class OfFlowInstances extends ListEnvelope<FlowInstance, FlowInstancesList> {
        public OfFlowInstances() {
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
