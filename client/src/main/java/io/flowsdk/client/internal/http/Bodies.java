package io.flowsdk.client.internal.http;

import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Source;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Reads response bodies without ever holding more of them than a limit. */
public final class Bodies {
    /** What an error body may hold in memory: enough to parse it, never a memory risk. */
    public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

    private Bodies() {
    }

    /** @return at most {@code maxBytes} of the body as text, or null if there is none or it cannot be read */
    public static String readCapped(ResponseBody body, int maxBytes) {
        if (body == null) {
            return null;
        }
        try {
            BufferedSource source = body.source();
            source.request(maxBytes);
            long n = Math.min(source.getBuffer().size(), maxBytes);
            String text = source.getBuffer().readString(n, charsetOf(body));
            return text.isEmpty() ? null : text;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Charset charsetOf(ResponseBody body) {
        MediaType type = body.contentType();
        Charset charset = type == null ? null : type.charset(null);
        return charset == null ? StandardCharsets.UTF_8 : charset;
    }

    /** The body had more bytes than allowed, or would take more memory than allowed once decoded. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            this("it has more than " + limit + " bytes");
        }

        /** @param why what was too large, completing "the answer is larger than the client accepts: " */
        TooLarge(String why) {
            super(why);
        }
    }

    /**
     * A source that fails with {@link TooLarge} past {@code limit} bytes (counted after OkHttp
     * inflated a gzip body, so a small compressed bomb is stopped too), and keeps the first
     * {@code prefixBytes} it passes for error messages.
     */
    public static final class Limited extends ForwardingSource {
        private final long limit;
        private final Buffer prefix = new Buffer();
        private final int prefixBytes;
        private long seen;

        public Limited(Source delegate, long limit, int prefixBytes) {
            super(delegate);
            this.limit = limit;
            this.prefixBytes = prefixBytes;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            long want = Math.min(byteCount, Math.max(1, limit - seen + 1));
            long n = super.read(sink, want);
            if (n > 0) {
                long keep = Math.min(n, prefixBytes - prefix.size());
                if (keep > 0) {
                    sink.copyTo(prefix, sink.size() - n, keep);
                }
                seen += n;
                if (seen > limit) {
                    throw new TooLarge(limit);
                }
            }
            return n;
        }

        /** @return the first bytes that passed, as UTF-8 text (possibly cut mid-character) */
        public String prefix() {
            return prefix.snapshot().utf8();
        }
    }
}
