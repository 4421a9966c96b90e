package io.flowsdk.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.flowsdk.client.internal.JsonCodec;
import io.flowsdk.client.internal.Secrets;
import io.flowsdk.client.model.CompleteTaskRequest;
import io.flowsdk.client.model.ErrorResponse;
import io.flowsdk.client.model.FlowCancel;
import io.flowsdk.client.model.FlowInstance;
import io.flowsdk.client.model.FlowInstancesList;
import io.flowsdk.client.model.FlowReference;
import io.flowsdk.client.model.Meta;
import io.flowsdk.client.model.Task;
import io.flowsdk.client.model.TaskFlowReference;
import io.flowsdk.client.model.TasksList;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

/**
 * B2, decoding: one SCIM list page of 100 realistic tasks (about 150 KB, see
 * {@link TaskJson}) decoded by the SDK and by plain Gson streaming into plain POJOs
 * ({@link PlainModels}), in one JMH run.
 *
 * <ul>
 *   <li>{@code sdkCodec} vs {@code plainGsonPojo}: the decoders alone, both from the same String.</li>
 *   <li>{@code sdkPipelineDecode} vs {@code plainGsonPojoFromBytes}: from the UTF-8 bytes off the
 *       wire. The SDK's {@code Pipeline.decode} reads the body into a String ({@code ResponseBody.string()}),
 *       checks it (token redaction, blank, leading brace) and decodes it; this variant repeats exactly those
 *       calls, since {@code decode} is private. A raw client streams the bytes through a Reader.</li>
 *   <li>{@code generatedStaticJson}: the generated adapters alone, configured as the generator's
 *       {@code JSON} holder configures them, for context (what the generator alone gives: JSON
 *       tree, validation, bind). The holder itself is generated for flows-client's tests only, so
 *       its configuration is rebuilt here: the models' adapter factories and an ISO offset
 *       date-time adapter (its gson-fire and other adapters play no part in decoding a task).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecodeBenchmark {
    private String page;
    private byte[] bytes;
    private JsonCodec sdk;
    private Gson plain;

    @Setup
    public void setUp() {
        page = TaskJson.page(1, 100, 100);
        bytes = page.getBytes(StandardCharsets.UTF_8);
        sdk = new JsonCodec();
        plain = PlainModels.gson();
        if (sdkCodec().getResources().size() != 100 || plainGsonPojo().resources.size() != 100
                || sdkPipelineDecode().getResources().size() != 100 || plainGsonPojoFromBytes().resources.size() != 100
                || generatedStaticJson().getResources().size() != 100) {
            throw new IllegalStateException("a decoder did not read 100 tasks");
        }
    }

    @Benchmark
    public TasksList sdkCodec() {
        return sdk.fromJson(page, TasksList.class);
    }

    @Benchmark
    public PlainModels.PlainTaskList plainGsonPojo() {
        return plain.fromJson(page, PlainModels.PlainTaskList.class);
    }

    @Benchmark
    public TasksList sdkPipelineDecode() {
        String text = Secrets.redact(new String(bytes, StandardCharsets.UTF_8), LoopbackServer.TOKEN);
        if (text.isBlank() || !text.stripLeading().startsWith("{")) {
            throw new IllegalStateException("not a JSON object");
        }
        return sdk.fromJson(text, TasksList.class);
    }

    @Benchmark
    public PlainModels.PlainTaskList plainGsonPojoFromBytes() {
        return plain.fromJson(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                PlainModels.PlainTaskList.class);
    }

    @Benchmark
    public TasksList generatedStaticJson() {
        return GENERATED.fromJson(page, TasksList.class);
    }

    private static final Gson GENERATED = new GsonBuilder()
            .registerTypeAdapter(OffsetDateTime.class, new IsoOffsetDateTime().nullSafe())
            .registerTypeAdapterFactory(new Task.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new Meta.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new TaskFlowReference.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new FlowInstance.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new FlowReference.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new FlowCancel.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new TasksList.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new FlowInstancesList.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new ErrorResponse.CustomTypeAdapterFactory())
            .registerTypeAdapterFactory(new CompleteTaskRequest.CustomTypeAdapterFactory())
            .create();

    /** The generated holder's date-time adapter: strict ISO-8601 with an offset. */
    private static final class IsoOffsetDateTime extends TypeAdapter<OffsetDateTime> {
        @Override
        public void write(JsonWriter out, OffsetDateTime value) throws IOException {
            out.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }

        @Override
        public OffsetDateTime read(JsonReader in) throws IOException {
            return OffsetDateTime.parse(in.nextString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }
}
