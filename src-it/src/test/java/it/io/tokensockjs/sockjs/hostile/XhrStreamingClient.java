package it.io.tokensockjs.sockjs.hostile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A well-behaved xhr-streaming session, as sockjs-client runs it: a reader thread keeps one streaming request
 * open, reads every frame, and opens the next request when the server ends one at its response limit;
 * messages go out with xhr_send.
 */
final class XhrStreamingClient implements AutoCloseable {

    /** Streams one client may open in a test: far more than any test needs, so a runaway loop still ends. */
    private static final int MAX_STREAMS = 1000;

    private final String service;
    private final String session = ItServer.newSessionId();
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile boolean stopped;
    private volatile InputStream current;
    private volatile String closeFrame;

    private XhrStreamingClient(String service) {
        this.service = service;
        this.reader = new Thread(this::readStreams, "xhr-streaming " + session);
        this.reader.setDaemon(true);
    }

    /** Opens the session and waits for its open frame. */
    static XhrStreamingClient open(String service) {
        XhrStreamingClient client = new XhrStreamingClient(service);
        client.reader.start();
        String first = client.nextFrame(Duration.ofSeconds(30));
        if (!"o".equals(first)) {
            client.close();
            throw new AssertionError("expected the open frame, got " + first);
        }
        return client;
    }

    String session() {
        return session;
    }

    /** Sends messages with xhr_send; returns the HTTP status. */
    int send(String json) {
        return ItServer.post(ItServer.sessionPath(service, session, "xhr_send"), "text/plain", json).statusCode();
    }

    /** The next frame other than a heartbeat, or null after the bound. */
    String nextFrame(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        for (int round = 0; round < 10_000; round++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            String frame;
            try {
                frame = frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (frame == null || !frame.equals("h")) {
                return frame;
            }
        }
        return null;
    }

    /** The close frame the server sent, or null. */
    String closeFrame() {
        return closeFrame;
    }

    private void readStreams() {
        boolean first = true;
        for (int stream = 0; stream < MAX_STREAMS && !stopped; stream++) {
            HttpRequest request = ItServer.request(ItServer.sessionPath(service, session, "xhr_streaming"))
                    .timeout(Duration.ofMinutes(10))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            try {
                HttpResponse<InputStream> response = ItServer.http().send(request, HttpResponse.BodyHandlers.ofInputStream());
                current = response.body();
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(current, StandardCharsets.UTF_8))) {
                    String prelude = lines.readLine();
                    if (prelude == null || !prelude.startsWith("hhhh")) {
                        frames.add("bad prelude: " + prelude);
                        return;
                    }
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.equals("o") && !first) {
                            frames.add("unexpected reopen");
                            return;
                        }
                        first = false;
                        if (line.startsWith("c[")) {
                            closeFrame = line;
                            frames.add(line);
                            return;
                        }
                        frames.add(line);
                    }
                }
            } catch (IOException e) {
                if (!stopped) {
                    frames.add("stream failed: " + e);
                }
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops reading and drops the connection, as a browser tab that closes does. */
    @Override
    public void close() {
        stopped = true;
        InputStream stream = current;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Closing is all that is wanted.
            }
        }
        reader.interrupt();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
