/**
 * The events a {@link io.flowsdk.client.FlowsListener} receives: immutable values built once per
 * event and handed to every listener of the client.
 *
 * <p>Calls are described by {@link io.flowsdk.client.event.CallInfo}: an operation name such as
 * {@code tasks.complete}, the method and a path template such as
 * {@code /flows/tasks/{id}/.complete}. No event carries an id of a task or flow instance, a
 * query string, a token or a secret, so every field can go into metrics tags, span attributes
 * and log lines as it is. Failures are described by their class and an
 * {@link io.flowsdk.client.event.Outcome}, never by their message (messages name the path sent,
 * ids included).
 *
 * <p>The events are records: their accessors are stable, but a later version may add components
 * (and so change the canonical constructor). Build them in your own tests if you like, but
 * expect to adjust such code when you upgrade.
 */
@NullMarked
package io.flowsdk.client.event;

import org.jspecify.annotations.NullMarked;
