package io.flowsdk.client.internal;

import com.google.gson.Gson;

/**
 * What the generated models need from openapi-generator's "invoker package", and nothing more.
 * Every generated model's {@code toJson()} and static {@code fromJson(String)} call
 * {@code JSON.getGson()} of that package; the build names this package as the invoker package and
 * generates no invoker, so those methods use the SDK's own codec ({@link JsonCodec#shared()}), the
 * configuration every {@code FlowsClient} uses, instead of the generator's JVM-wide, mutable Gson
 * holder, which would also put the generated HTTP invoker and gson-fire on users' class paths.
 *
 * <p>The name is the generator's and must stay {@code JSON}; a model that needs more from the
 * invoker package fails to compile here, which is the signal to add it.
 */
public final class JSON {
    private JSON() {
    }

    /**
     * The Gson of {@link JsonCodec#shared()}.
     *
     * @return an immutable Gson; never reconfigure it
     */
    public static Gson getGson() {
        return JsonCodec.shared().gson();
    }
}
