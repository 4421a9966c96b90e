package io.flowsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No public or protected signature of io.flowsdk.testkit mentions a type from an internal package. */
class PublicApiTest {
    static final List<Class<?>> PUBLIC_TYPES = List.of(FlowsStub.class, FlowsStub.Builder.class, FlowsStubExtension.class,
            Endpoint.class, Fault.class, FaultPlan.class, RecordedRequest.class, ResourceVersion.class, SeedData.class,
            Seeds.class, StubClock.class, WithClientCredentials.class);

    @Test
    void noInternalTypeLeaks() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> c : PUBLIC_TYPES) {
            check(leaks, c.getName() + " extends", c.getGenericSuperclass());
            for (Type t : c.getGenericInterfaces()) {
                check(leaks, c.getName() + " implements", t);
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
            members.addAll(List.<Constructor<?>>of(c.getDeclaredConstructors()));
            for (Executable m : members) {
                if (!(Modifier.isPublic(m.getModifiers()) || Modifier.isProtected(m.getModifiers())) || m.isSynthetic()) {
                    continue;
                }
                String where = c.getSimpleName() + "." + m.getName();
                if (m instanceof Method method) {
                    check(leaks, where + " returns", method.getGenericReturnType());
                }
                for (Type p : m.getGenericParameterTypes()) {
                    check(leaks, where + " takes", p);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    private static void check(List<String> leaks, String where, Type type) {
        if (type != null && type.getTypeName().contains(".internal.")) {
            leaks.add(where + " " + type.getTypeName());
        }
    }
}
