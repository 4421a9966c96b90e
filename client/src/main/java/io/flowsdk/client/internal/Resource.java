package io.flowsdk.client.internal;

import io.flowsdk.client.Change;
import io.flowsdk.client.error.NotFoundException;
import io.flowsdk.client.internal.http.Result;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * What tasks and flow instances have in common: get, find, create and the actions on one item.
 * {@code Tasks} and {@code Flows} differ only by the collection path, the model type and how ids
 * are checked, so they share this code; each call is described once here (operation name, path
 * template, method) and sent through {@link ApiCalls}.
 *
 * @param <T> the item type
 */
public final class Resource<T> {
    private final ApiCalls calls;
    private final Class<T> type;
    private final String name;
    private final String kind;
    private final UnaryOperator<String> idCheck;
    private final List<String> collection;
    private final String collectionTemplate;

    /**
     * @param name       the resource's name in operation names, for example {@code tasks} ({@code tasks.get})
     * @param kind       what an item is called in messages, for example {@code task}
     * @param idCheck    validates an id (throws NPE/IAE) and returns it
     * @param collection path segments of the collection, for example {@code flows, tasks}
     */
    public Resource(ApiCalls calls, Class<T> type, String name, String kind, UnaryOperator<String> idCheck,
                    String... collection) {
        this.calls = calls;
        this.type = type;
        this.name = name;
        this.kind = kind;
        this.idCheck = idCheck;
        this.collection = List.of(collection);
        this.collectionTemplate = "/" + String.join("/", collection);
    }

    /** {@return what an item is called in messages, for example {@code task}} */
    public String kind() {
        return kind;
    }

    /** {@return this resource over other calls (the same client with another retry policy)} */
    public Resource<T> withCalls(ApiCalls other) {
        return new Resource<>(other, type, name, kind, idCheck, collection.toArray(new String[0]));
    }

    /** {@return the calls of the client this resource belongs to} */
    public ApiCalls calls() {
        return calls;
    }

    /** Checks an id as every call does: {@code NullPointerException} or {@code IllegalArgumentException}. */
    public String checkId(String id) {
        return idCheck.apply(id);
    }

    public T get(String id) {
        return calls.<T>send(getRequest(id), type).value();
    }

    public Optional<T> find(String id) {
        String checked = idCheck.apply(id);
        try {
            return Optional.of(get(checked));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The id is checked at once; everything else happens in the future. */
    public CompletableFuture<T> getAsync(String id) {
        return Futures.map(calls.<T>sendAsync(getRequest(id), type), Result::value);
    }

    /** Like {@link #find}: a 404 completes the future with empty. */
    public CompletableFuture<Optional<T>> findAsync(String id) {
        return Futures.handle(getAsync(id), (value, failure) -> {
            if (failure instanceof NotFoundException) {
                return Optional.empty();
            }
            if (failure != null) {
                throw Futures.sneaky(failure);
            }
            return Optional.of(value);
        });
    }

    /** POSTs {@code body} to the collection itself (create). */
    public <R> Result<R> create(Object body, Change change, Class<R> responseType) {
        return calls.send(createRequest(body, change), responseType);
    }

    public <R> CompletableFuture<Result<R>> createAsync(Object body, Change change, Class<R> responseType) {
        return calls.sendAsync(createRequest(body, change), responseType);
    }

    /** POSTs {@code body} to an action of one item, such as {@code .complete}. */
    public <R> Result<R> act(String id, String action, Object body, Change change, Class<R> responseType) {
        return calls.send(actionRequest(id, action, body, change), responseType);
    }

    public <R> CompletableFuture<Result<R>> actAsync(String id, String action, Object body, Change change,
                                                     Class<R> responseType) {
        return calls.sendAsync(actionRequest(id, action, body, change), responseType);
    }

    private ApiRequest getRequest(String id) {
        return ApiRequest.get(name + ".get", collectionTemplate + "/{id}", path(id));
    }

    private ApiRequest createRequest(Object body, Change change) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(change, "change");
        return ApiRequest.post(name + ".create", collectionTemplate, collection, body).withChange(change);
    }

    private ApiRequest actionRequest(String id, String action, Object body, Change change) {
        Objects.requireNonNull(change, "change");
        List<String> segments = new ArrayList<>(path(id));
        segments.add(action);
        return ApiRequest.post(name + "." + action.substring(1), collectionTemplate + "/{id}/" + action, segments, body)
                .withChange(change);
    }

    private List<String> path(String id) {
        List<String> segments = new ArrayList<>(collection);
        segments.add(idCheck.apply(id));
        return segments;
    }
}
