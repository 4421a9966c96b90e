package io.flowsdk.spring.boot;

import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The sink of {@code flows.http-logging}: the logger {@code io.flowsdk.http} at DEBUG, through the
 * commons-logging API every Spring application has (Spring routes it to Logback, Log4j 2 or
 * java.util.logging, whichever the application uses). The level is read per line, so turning the
 * logger on or off at run time (the actuator's loggers endpoint) takes effect at once.
 */
final class HttpLog implements Consumer<String> {
    /** The logger's name. */
    static final String LOGGER = "io.flowsdk.http";

    private final Log log = LogFactory.getLog(LOGGER);

    @Override
    public void accept(String line) {
        if (log.isDebugEnabled()) {
            log.debug(line);
        }
    }
}
