package io.flowsdk.testkit;

import io.flowsdk.client.FlowsClient;
import io.flowsdk.testkit.internal.ClosingHolder;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link FlowsStub} per test class, resets it before each test,
 * and injects {@link FlowsStub} and {@link FlowsClient} parameters into test methods,
 * constructors and lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(FlowsStubExtension.class)
 * class ApprovalServiceTest {
 *   @Test void approves(FlowsStub stub, FlowsClient client) {
 *     String id = stub.addTask(new Task().displayName("Approve")).getId();
 *     new ApprovalService(client).approve(id);
 *     assertEquals("completed", stub.task(id).orElseThrow().getStatus());
 *   }
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The stub starts before the first test of the class (or when first injected) and is
 *       stored in the class's {@link ExtensionContext.Store}, so JUnit stops it after the class.
 *       {@code @Nested} classes share the stub of their enclosing class.</li>
 *   <li>Before each test the stub is {@linkplain FlowsStub#reset() reset}: no resources, faults
 *       or recorded requests survive from one test to the next. Seed in the test or in a
 *       {@code @BeforeEach} method (which runs after the reset), not in {@code @BeforeAll}.</li>
 *   <li>An injected {@link FlowsClient} is {@link FlowsStub#client()}: the same client for the
 *       whole class, with a zero-sleep retry policy. Annotated {@link WithClientCredentials}, it
 *       is {@link FlowsStub#clientWithCredentials()}, which authenticates at the stub's token
 *       endpoint.</li>
 * </ul>
 *
 * <p><b>JUnit versions:</b> JUnit Jupiter 5.8.0 and later, JUnit 6 included. The testkit depends
 * on {@code junit-jupiter-api} in {@code provided} scope only, so the extension runs on the JUnit
 * of the project that uses it and never brings a second one onto its test class path.
 */
public final class FlowsStubExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(FlowsStubExtension.class);
    private static final String KEY = "stub";

    /** Creates the extension; JUnit does this for {@code @ExtendWith(FlowsStubExtension.class)}. */
    public FlowsStubExtension() {}

    /**
     * Starts the class's stub.
     *
     * @param context the class context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        stub(context);
    }

    /**
     * Resets the class's stub before a test.
     *
     * @param context the test context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        stub(context).reset();
    }

    /**
     * Supports {@link FlowsStub} and {@link FlowsClient} parameters.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether the parameter is one of the two types
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == FlowsStub.class || type == FlowsClient.class;
    }

    /**
     * Resolves the class's stub, or its shared client (the client-credentials one for a parameter
     * annotated {@link WithClientCredentials}).
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the stub or the client
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        FlowsStub stub = stub(extensionContext);
        if (parameterContext.getParameter().getType() == FlowsStub.class) {
            return stub;
        }
        return parameterContext.isAnnotated(WithClientCredentials.class) ? stub.clientWithCredentials() : stub.client();
    }

    /**
     * The stub of the test class a context belongs to, started when first asked for.
     *
     * @param context any context inside a test class (class, method or invocation)
     * @return the class's stub
     */
    public static FlowsStub stub(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        @SuppressWarnings("unchecked")
        ClosingHolder<FlowsStub> holder = classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent(KEY, k -> new ClosingHolder<>(new FlowsStub()), ClosingHolder.class);
        return holder.get();
    }
}
