/**
 * Spring Boot test support for the Flows Java SDK: {@link io.flowsdk.spring.boot.test.AutoConfigureFlowsStub}
 * runs a test's application against the testkit's stub through the starter's auto-configured client.
 */
package io.flowsdk.spring.boot.test;
