package io.tunegate.client;

import io.tunegate.client.model.Job;
import io.tunegate.client.model.JobEvent;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A job's events as they happen ({@code GET /v1/jobs/{id}/events/stream}), oldest first: the history after the
 * starting id, then live. {@link #hasNext()} blocks until the next event comes and answers false after the job's
 * terminal event (or after {@link #close()}).
 *
 * <p>A dropped or silent connection is reopened with {@code Last-Event-ID} set to the last event received, so no
 * event is lost or repeated; it waits the server's {@code retry:} time, else a backoff doubling from the client's
 * {@code streamReconnectDelay}, and gives up with a {@link TunegateTransportException} after
 * {@code streamReconnects} tries in a row that bring no event. A connection the server ends without the terminal
 * event is reopened too; one that ends with no event at all ends the stream if the job has ended.
 *
 * <p>Read it from one thread; {@link #close()} may be called from any thread and stops a blocked read.
 */
public final class JobEventStream implements Iterator<JobEvent>, AutoCloseable {

    /** How a stream reconnects; set on the client's builder. */
    record Settings(int reconnects, Duration reconnectDelay, Duration idleTimeout) {
    }

    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    // one daemon thread watches every stream for silence: the gateway's keep-alive comes every 15 s
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "tunegate-sse-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final String jobId;
    private final Settings settings;
    private final Function<String, InputStream> connector;
    private final Supplier<Job> job;
    private final Object lock = new Object();

    private volatile boolean closed;
    private String lastEventId;
    private Connection connection;
    private SseParser parser;
    private boolean eventsOnConnection;
    private long serverRetryMillis = -1;
    private int failures;
    private boolean finished;
    private JobEvent next;

    private JobEventStream(String jobId, String lastEventId, Settings settings,
                           Function<String, InputStream> connector, Supplier<Job> job) {
        this.jobId = jobId;
        this.lastEventId = lastEventId;
        this.settings = settings;
        this.connector = connector;
        this.job = job;
    }

    /** Opens the first connection at once, so that a missing job or a bad key fails here. */
    static JobEventStream open(String jobId, String lastEventId, Settings settings,
                               Function<String, InputStream> connector, Supplier<Job> job) {
        JobEventStream stream = new JobEventStream(jobId, lastEventId, settings, connector, job);
        stream.attach(connector.apply(lastEventId));
        return stream;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed && !finished) {
            try {
                next = advance();
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }
        return next != null;
    }

    @Override
    public JobEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JobEvent event = next;
        next = null;
        return event;
    }

    /** The id of the last event received (its {@code seq}), to resume from later; the starting id before any. */
    public String lastEventId() {
        return lastEventId;
    }

    /** Whether the job's terminal event has been received. */
    public boolean isFinished() {
        return finished;
    }

    /** The remaining events as a sequential stream; closing it closes this. */
    public Stream<JobEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(this::close);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        Connection current = connection;
        if (current != null) {
            current.close();
        }
    }

    private JobEvent advance() {
        while (!closed && !finished) {
            if (parser == null) {
                reconnect();
                continue;
            }
            SseParser.Event event;
            try {
                event = parser.next();
            } catch (IOException e) {
                detach();
                if (closed) {
                    return null;
                }
                if (e instanceof java.io.InterruptedIOException || Thread.currentThread().isInterrupted()) {
                    // the reader was told to stop: not a lost connection to reopen
                    throw new TunegateTransportException("Interrupted reading the event stream of job " + jobId, e);
                }
                failed(e);
                continue;
            }
            if (event == null) {
                // the server ended the stream without the terminal event (its own time limit, or the job ended
                // between two reads): reconnect to replay the rest; a connection with nothing new may mean the end
                detach();
                if (closed) {
                    return null;
                }
                if (!eventsOnConnection) {
                    if (job.get().isTerminal()) {
                        finished = true;
                        return null;
                    }
                    failed(null);
                }
                continue;
            }
            if (event.data().isEmpty()) {
                continue;
            }
            JobEvent jobEvent = Json.read(event.data(), JobEvent.class);
            lastEventId = event.id() != null && !event.id().isEmpty() ? event.id() : Integer.toString(jobEvent.seq());
            eventsOnConnection = true;
            failures = 0;
            if (jobEvent.isTerminal()) {
                finished = true;
                detach();
            }
            return jobEvent;
        }
        return null;
    }

    private void failed(Exception cause) {
        failures++;
        if (failures > settings.reconnects()) {
            throw new TunegateTransportException("The event stream of job " + jobId + " was lost; "
                    + settings.reconnects() + " reconnections brought no event"
                    + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        }
    }

    private void reconnect() {
        waitBeforeReconnect();
        if (closed) {
            return;
        }
        try {
            attach(connector.apply(lastEventId));
        } catch (TunegateTransportException | ServerException e) {
            failed(e);
        }
    }

    private void waitBeforeReconnect() {
        Duration wait;
        if (serverRetryMillis >= 0) {
            wait = Duration.ofMillis(serverRetryMillis);
        } else {
            wait = settings.reconnectDelay().multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 10));
        }
        if (wait.compareTo(MAX_WAIT) > 0) {
            wait = MAX_WAIT;
        }
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            long left;
            while (!closed && (left = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TunegateTransportException("Interrupted while reconnecting the event stream", e);
                }
            }
        }
    }

    private void attach(InputStream body) {
        Connection opened = new Connection(body, settings.idleTimeout());
        connection = opened;
        parser = new SseParser(new BufferedReader(new InputStreamReader(opened, StandardCharsets.UTF_8)),
                lastEventId);
        eventsOnConnection = false;
        if (closed) {
            opened.close();
        }
    }

    private void detach() {
        if (parser != null && parser.retryMillis() >= 0) {
            serverRetryMillis = parser.retryMillis();
        }
        if (connection != null) {
            connection.close();
        }
        connection = null;
        parser = null;
    }

    /** One open response body, closed by the watchdog when nothing arrives for the idle timeout. */
    private static final class Connection extends FilterInputStream {

        private volatile long lastRead = System.nanoTime();
        private volatile boolean closed;
        private final ScheduledFuture<?> watch;

        Connection(InputStream body, Duration idleTimeout) {
            super(body);
            long every = Math.max(idleTimeout.toMillis() / 4, 10);
            long limit = idleTimeout.toNanos();
            this.watch = WATCHDOG.scheduleAtFixedRate(() -> {
                if (System.nanoTime() - lastRead > limit) {
                    close();
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            lastRead = System.nanoTime();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            lastRead = System.nanoTime();
            return n;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            watch.cancel(false);
            try {
                super.close();
            } catch (IOException ignored) {
                // closing a response we are done with
            }
        }
    }
}
