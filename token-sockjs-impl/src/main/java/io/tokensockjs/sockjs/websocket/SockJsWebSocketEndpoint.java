package io.tokensockjs.sockjs.websocket;

import io.tokensockjs.sockjs.CloseStatus;
import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.frame.BrokenJsonException;
import io.tokensockjs.sockjs.frame.ClientPayloads;
import io.tokensockjs.sockjs.session.RequestInfo;
import io.tokensockjs.sockjs.session.SockJsSession;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The websocket transports of one service: framed SockJS at {@code <prefix>/<server>/<session>/websocket} and
 * raw messages at {@code <prefix>/websocket}. One instance per connection, made by {@link WebSocketDeployment}.
 */
public final class SockJsWebSocketEndpoint extends Endpoint {

    private static final Logger LOG = Logger.getLogger(SockJsWebSocketEndpoint.class.getName());

    private final SockJsService service;
    private final boolean raw;
    private SockJsSession session;
    private WebSocketReceiver receiver;
    private FragmentedText incoming;
    // Set on the reading thread only, like incoming.
    private boolean binaryRefused;

    SockJsWebSocketEndpoint(SockJsService service, boolean raw) {
        this.service = service;
        this.raw = raw;
    }

    @Override
    public void onOpen(Session socket, EndpointConfig config) {
        // Before the idle timeout is set: on Payara, setting it restarts the idle timer too.
        boolean timersSkipped = TyrusIdleTimer.skipEmptyTimers(socket);
        // A larger frame makes the container close the socket with 1009 before buffering it; a message sent in
        // smaller fragments is counted by FragmentedText instead, because the container checks frames only.
        socket.setMaxTextMessageBufferSize(service.options().maxMessageSize());
        socket.setMaxBinaryMessageBufferSize(1024);
        // Heartbeats keep framed sockets busy; raw sockets may idle as long as the client likes.
        socket.setMaxIdleTimeout(0);
        socket.getAsyncRemote().setSendTimeout(service.options().disconnectDelay().toMillis() * 6);
        RequestInfo request = (RequestInfo) config.getUserProperties().get(WebSocketDeployment.REQUEST_INFO);
        if (request == null) {
            request = WebSocketDeployment.requestInfo(socket, raw);
        }
        // On Tyrus a server's close starts with a close frame only, the connection ending on the reading thread when
        // the client answers (TyrusCloseFrame: Payara's Session.close() races the client's answer).
        boolean tyrus = SendLoader.isTyrus(socket.getClass().getName());
        session = service.sessions().createStandalone(request);
        if (session == null) {
            LOG.warning(() -> "SockJS service " + service.name() + " holds its maximum of sessions; refusing a websocket");
            CloseReason full = new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too many sessions");
            if (!tyrus || !TyrusCloseFrame.start(socket, full, service.scheduler())) {
                WebSocketReceiver.close(socket, full);
            }
            return;
        }
        // With Tyrus's empty idle timers skipped, a send has no context to capture: no loader to swap around it.
        // On Tyrus a send completes on the thread that makes it: sends from other threads than the reading one go
        // through the service's sender, where what queues meanwhile leaves as one frame (WebSocketReceiver).
        receiver = new WebSocketReceiver(session, socket, raw, service.closer(),
                timersSkipped ? null : SendLoader.forContainerOf(socket), tyrus ? service.sender() : null,
                tyrus ? service.scheduler() : null);
        incoming = new FragmentedText(service.options().maxMessageSize());
        socket.addMessageHandler(String.class, (MessageHandler.Partial<String>) this::onTextPart);
        // Without a handler of its own, Liberty closes the socket on a binary message (1003) while Payara (Tyrus)
        // drops the message and keeps the socket: one answer on every runtime.
        socket.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) this::onBinaryPart);
        receiver.reading(true);
        try {
            session.attach(receiver);
        } finally {
            receiver.reading(false);
        }
    }

    private void onTextPart(String part, boolean last) {
        receiver.reading(true);
        try {
            readText(part, last);
        } finally {
            receiver.reading(false);
        }
    }

    private void readText(String part, boolean last) {
        if (incoming.tooBig()) {
            return;
        }
        String message = incoming.add(part, last);
        if (message != null) {
            onText(message);
        } else if (incoming.tooBig()) {
            service.log().info(LOG, () -> "SockJS session " + session.id() + ": websocket message over "
                    + service.options().maxMessageSize() + " bytes; closing it");
            session.detach(receiver, false);
            receiver.closeNow(CloseStatus.MESSAGE_TOO_BIG);
            session.close(CloseStatus.MESSAGE_TOO_BIG);
        }
    }

    private void onBinaryPart(ByteBuffer part, boolean last) {
        if (binaryRefused) {
            return;
        }
        binaryRefused = true;
        service.log().info(LOG, () -> "SockJS session " + session.id() + ": binary websocket message; closing it");
        session.detach(receiver, false);
        receiver.closeNow(CloseStatus.BINARY_MESSAGE);
        session.close(CloseStatus.BINARY_MESSAGE);
    }

    private void onText(String text) {
        if (raw) {
            session.receive(List.of(text));
            return;
        }
        if (text.isEmpty()) {
            return;
        }
        List<String> messages;
        try {
            messages = ClientPayloads.parseArrayOrString(text);
        } catch (BrokenJsonException e) {
            service.log().info(LOG, () -> "SockJS session " + session.id() + ": broken JSON over websocket ("
                    + e.getMessage() + "); closing it");
            // No SockJS close frame: the client is not speaking SockJS. The socket is closed with 1007.
            session.detach(receiver, false);
            receiver.closeNow(CloseStatus.BROKEN_JSON);
            session.close(CloseStatus.BROKEN_JSON);
            return;
        }
        session.receive(messages);
    }

    @Override
    public void onClose(Session socket, CloseReason reason) {
        if (session == null) {
            return;
        }
        session.detach(receiver, false);
        int code = reason == null ? 1005 : reason.getCloseCode().getCode();
        session.close(switch (code) {
            case 1000, 1001 -> CloseStatus.NORMAL;
            case 1009 -> CloseStatus.MESSAGE_TOO_BIG;
            default -> CloseStatus.CONNECTION_INTERRUPTED;
        });
    }

    @Override
    public void onError(Session socket, Throwable error) {
        LOG.log(Level.FINE, "websocket error", error);
        if (session != null) {
            session.detach(receiver, true);
        }
    }
}
