/**
 * Internals of the testkit: the plain-Java fake of the Flows API (routing, store, history, paging,
 * sorting, projection, filtering). Not public API: anything here may change without notice.
 * Everything here is usable without HTTP, which is how the testkit's own unit tests use it.
 */
package io.flowsdk.testkit.internal;
