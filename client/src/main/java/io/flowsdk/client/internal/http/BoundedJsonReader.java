package io.flowsdk.client.internal.http;

import com.google.gson.stream.JsonReader;
import io.flowsdk.client.internal.Secrets;

import java.io.IOException;
import java.io.Reader;

/**
 * A JSON reader that keeps a running estimate of the memory the values read so far take once
 * decoded, and fails with {@link Bodies.TooLarge} past a budget. The byte limit alone does not
 * bound memory: {@code [{},{},...]} takes 3 bytes an item on the wire and about 135 bytes an item
 * as tasks, so 8 MiB of it would be over 350 MB. Each token is charged roughly what it costs on a
 * 64-bit JVM with compressed references: an object as much as a model or a {@code LinkedHashMap},
 * a name as a map entry and its key, a string its header and one byte a character. Names of model
 * fields are charged although they are not kept, so realistic answers are overestimated (about 4
 * times their size, against about 2.6 times measured) and hostile ones are not underestimated by
 * more than about 1.6 times.
 *
 * <p>When the call carried a token, it also masks it in every string and name it reads: a server
 * that echoes the token in a body must not carry it into values that end up in messages (a flow
 * id quoted by {@code PartialFailureException}, a log line of the caller's).
 */
final class BoundedJsonReader extends JsonReader {
    static final int OBJECT = 128;
    static final int ARRAY = 32;
    static final int NAME = 48;
    static final int STRING = 40;
    static final int NUMBER = 24;
    static final int LITERAL = 8;

    private final long budget;
    private final String token;
    private long spent;

    /**
     * @param budget the most memory, in estimated bytes, the decoded values may take
     * @param token  the call's token, to mask; null for none
     */
    BoundedJsonReader(Reader in, long budget, String token) {
        super(in);
        this.budget = budget;
        this.token = token;
    }

    private void charge(long bytes) throws Bodies.TooLarge {
        spent += bytes;
        if (spent > budget) {
            throw new Bodies.TooLarge("decoded, it would take more than " + budget + " bytes of memory");
        }
    }

    @Override
    public void beginObject() throws IOException {
        charge(OBJECT);
        super.beginObject();
    }

    @Override
    public void beginArray() throws IOException {
        charge(ARRAY);
        super.beginArray();
    }

    @Override
    public String nextName() throws IOException {
        String name = super.nextName();
        charge(NAME + (long) name.length());
        return token == null ? name : Secrets.redact(name, token);
    }

    @Override
    public String nextString() throws IOException {
        String s = super.nextString();
        charge(STRING + (long) s.length());
        return token == null ? s : Secrets.redact(s, token);
    }

    @Override
    public long nextLong() throws IOException {
        charge(NUMBER);
        return super.nextLong();
    }

    @Override
    public int nextInt() throws IOException {
        charge(NUMBER);
        return super.nextInt();
    }

    @Override
    public double nextDouble() throws IOException {
        charge(NUMBER);
        return super.nextDouble();
    }

    @Override
    public boolean nextBoolean() throws IOException {
        charge(LITERAL);
        return super.nextBoolean();
    }

    @Override
    public void nextNull() throws IOException {
        charge(LITERAL);
        super.nextNull();
    }
}
