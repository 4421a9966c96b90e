package io.flowsdk.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.flowsdk.client.internal.JsonCodec;
import io.flowsdk.client.internal.generated.JSON;
import io.flowsdk.client.model.TasksList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

/**
 * Decoding one list page of 100 realistic tasks (with an unknown field each), three ways, in
 * one run: the SDK's per-client codec; the generated static {@code JSON} holder (the baseline the
 * generator gives you); and plain reflective Gson (one pass, but drops unknown fields).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DecodeBenchmark {
    private final String page = TaskJson.page(1, 100, 100);
    private final JsonCodec sdk = new JsonCodec();
    private final Gson plain = new GsonBuilder().registerTypeAdapter(OffsetDateTime.class, new TypeAdapter<OffsetDateTime>() {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            return OffsetDateTime.parse(in.nextString());
        }
    }).create();

    @Benchmark
    public TasksList sdkCodec() {
        return sdk.fromJson(page, TasksList.class);
    }

    @Benchmark
    public TasksList generatedStaticJson() {
        return JSON.getGson().fromJson(page, TasksList.class);
    }

    @Benchmark
    public TasksList plainReflectiveGson() {
        return plain.fromJson(page, TasksList.class);
    }
}
