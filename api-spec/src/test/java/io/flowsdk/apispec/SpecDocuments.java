package io.flowsdk.apispec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loads the spec and the seed from the test class path; every call returns a fresh copy. */
final class SpecDocuments {

    static final String SPEC = "openapi.yaml";
    static final String SEED = "seed/flows-api.md";

    private SpecDocuments() {}

    static String text(String resource) {
        try (InputStream in = SpecDocuments.class.getClassLoader().getResourceAsStream(resource)) {
            Objects.requireNonNull(in, resource + " not on the test class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A freshly parsed, mutable copy of openapi.yaml. */
    static Map<String, Object> spec() {
        Map<String, Object> spec = new Yaml(new SafeConstructor(new LoaderOptions())).load(text(SPEC));
        return spec;
    }

    static List<SeedReference.Operation> seed() {
        return SeedReference.parse(text(SEED));
    }
}
