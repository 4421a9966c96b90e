/**
 * The Flows testkit: {@link io.flowsdk.testkit.FlowsStub}, a stateful fake of the Flows API on
 * WireMock that hands out clients already pointed at it, its JUnit 5 extension
 * {@link io.flowsdk.testkit.FlowsStubExtension}, seed data, scripted faults and a controllable
 * clock ({@link io.flowsdk.testkit.StubClock}).
 *
 * <p>Every type here is {@link org.jspecify.annotations.NullMarked}: {@code null} is accepted or
 * returned only where a type says {@link org.jspecify.annotations.Nullable}.
 */
@NullMarked
package io.flowsdk.testkit;

import org.jspecify.annotations.NullMarked;
