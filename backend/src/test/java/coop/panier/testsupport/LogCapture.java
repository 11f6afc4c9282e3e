package coop.panier.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the application logs while a test runs: `try (LogCapture log = LogCapture.of("")) { … }`. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(this);
    }

    /** Captures the named logger and those below it; "" for every logger. */
    public static LogCapture of(String name) {
        return new LogCapture(Logger.getLogger(name));
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Each record's message with its parameters, and its exception's message. */
    public List<String> lines() {
        return records.stream().map(r -> r.getMessage() + " " + Arrays.toString(r.getParameters())
                + (r.getThrown() == null ? "" : " " + r.getThrown().getMessage())).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
