package io.flowsdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link FlowsStubExtension} for a {@code FlowsClient} that authenticates with OAuth 2.0
 * client credentials at the stub's token endpoint ({@link FlowsStub#clientWithCredentials()})
 * instead of the stub's fixed bearer token.
 *
 * <pre>{@code
 * @ExtendWith(FlowsStubExtension.class)
 * class TokenRefreshTest {
 *   @Test void fetchesOneToken(FlowsStub stub, @WithClientCredentials FlowsClient client) {
 *     client.tasks().list().firstPage();
 *     client.tasks().list().firstPage();
 *     assertEquals(1, stub.requestCount(Endpoint.TOKEN));
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface WithClientCredentials {
}
