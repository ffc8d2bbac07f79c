package io.tokensockjs.sockjs.session;

import io.tokensockjs.sockjs.CloseStatus;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A receiver that records what the session sends it; polling or streaming, ready or stalled, as a test sets it. */
class RecordingReceiver implements Receiver {

    final List<String> frames = new ArrayList<>();
    final boolean polling;
    boolean ready = true;
    boolean probeable;
    boolean failWrites;
    boolean raw;
    /** Busy after each frame until a test says otherwise, like a websocket whose asynchronous send is in flight. */
    boolean busyAfterSend;
    int probes;
    CloseStatus endStatus;
    boolean ended;

    RecordingReceiver(boolean polling) {
        this.polling = polling;
    }

    @Override
    public boolean isReady() {
        return ready && !ended;
    }

    @Override
    public boolean send(String frame) throws IOException {
        if (failWrites) {
            throw new IOException("broken pipe");
        }
        frames.add(frame);
        if (busyAfterSend) {
            ready = false;
        }
        return polling;
    }

    @Override
    public void end(CloseStatus status) {
        ended = true;
        endStatus = status;
    }

    @Override
    public boolean probe() throws IOException {
        if (!probeable) {
            return false;
        }
        probes++;
        if (failWrites) {
            throw new IOException("connection reset");
        }
        return true;
    }

    @Override
    public boolean isRaw() {
        return raw;
    }
}
