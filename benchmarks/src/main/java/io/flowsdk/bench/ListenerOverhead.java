package io.flowsdk.bench;

import io.flowsdk.client.FlowsClient;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The cost of listeners on B1 ({@code tasks().get(id)}), in alternating rounds ({@link PairedRatio}):
 * each listener variant of {@link Listeners} against a reference measured side by side in the
 * same rounds. The reference is the SDK of another build when {@code -Dflows.bench.baselineJar}
 * names its flows-client jar (loaded in a class loader of its own, on the same OkHttp and Gson), so
 * the ratio is "this build / that build"; otherwise this build without a listener.
 *
 * <pre>java -cp ... [-Dflows.bench.baselineJar=flows-client-old.jar] io.flowsdk.bench.ListenerOverhead [canned|jdk ...]</pre>
 */
public final class ListenerOverhead {
    private ListenerOverhead() {
    }

    public static void main(String[] args) throws Exception {
        List<String> servers = args.length > 0 ? List.of(args) : List.of("canned");
        String baselineJar = System.getProperty("flows.bench.baselineJar");
        String reference = baselineJar == null ? "none" : "baseline";
        System.out.println("B1 with listeners, each variant / " + (baselineJar == null ? "no listener (this build)"
                : "the SDK of " + baselineJar));
        PairedRatio.header();
        for (String server : servers) {
            for (String variant : Listeners.VARIANTS) {
                if (variant.equals(reference)) {
                    continue;
                }
                PairedRatio.run(server, variant + " / " + reference, () -> {
                    AutoCloseable srv = ListenerOverheadBenchmark.server(server);
                    String url = ListenerOverheadBenchmark.baseUrl(srv);
                    Variant v = thisBuild(variant, url);
                    Variant r = baselineJar == null ? thisBuild("none", url) : otherBuild(Path.of(baselineJar), url);
                    return new Callable<?>[] {v.call, r.call, () -> {
                        v.close.close();
                        r.close.close();
                        srv.close();
                        return null;
                    }};
                });
            }
        }
    }

    /** One client, called through a method handle (the same indirection for every variant). */
    private record Variant(Callable<?> call, AutoCloseable close) {
    }

    private static Variant thisBuild(String variant, String baseUrl) throws Exception {
        Listeners l = Listeners.create(variant);
        FlowsClient.Builder b = FlowsClient.builder().baseUrl(baseUrl).bearerToken(LoopbackServer.TOKEN);
        if (l.listener != null) {
            b.listener(l.listener);
        }
        FlowsClient client = b.build();
        return variant(client, FlowsClient.class, () -> {
            client.close();
            l.close();
        });
    }

    /** The same client from another build's jar: its io.flowsdk.client classes, this JVM's OkHttp and Gson. */
    private static Variant otherBuild(Path jar, String baseUrl) throws Exception {
        ClassLoader loader = new ChildFirst(jar.toUri().toURL(), ListenerOverhead.class.getClassLoader());
        Class<?> clientClass = loader.loadClass("io.flowsdk.client.FlowsClient");
        Object b = clientClass.getMethod("builder").invoke(null);
        b.getClass().getMethod("baseUrl", String.class).invoke(b, baseUrl);
        b.getClass().getMethod("bearerToken", String.class).invoke(b, LoopbackServer.TOKEN);
        Object client = b.getClass().getMethod("build").invoke(b);
        return variant(client, clientClass, () -> clientClass.getMethod("close").invoke(client));
    }

    private static Variant variant(Object client, Class<?> clientClass, AutoCloseable close) throws Exception {
        Object tasks = clientClass.getMethod("tasks").invoke(client);
        MethodHandle get = MethodHandles.publicLookup().unreflect(tasks.getClass().getMethod("get", String.class))
                .bindTo(tasks).asType(MethodType.methodType(Object.class, String.class));
        Callable<Object> call = () -> {
            try {
                return get.invokeExact(ListenerOverheadBenchmark.ID);
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        };
        Object first = call.call();
        if (!first.toString().contains(ListenerOverheadBenchmark.ID)) {
            throw new IllegalStateException("not the task asked for: " + first);
        }
        return new Variant(call, close);
    }

    /** Loads {@code io.flowsdk.client} classes and resources from its jar first, everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL jar, ClassLoader parent) {
            super(new URL[] {jar}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.flowsdk.client.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            URL own = name.startsWith("io/flowsdk/client/") ? findResource(name) : null;
            return own != null ? own : super.getResource(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            URL url = getResource(name);
            try {
                return url == null ? null : url.openStream();
            } catch (IOException e) {
                return null;
            }
        }

        static {
            ClassLoader.registerAsParallelCapable();
        }
    }
}
