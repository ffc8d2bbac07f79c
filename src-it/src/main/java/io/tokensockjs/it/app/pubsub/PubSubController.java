package io.tokensockjs.it.app.pubsub;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.json.JsonValue;

import java.util.List;

/** The server's side of publish/subscribe, callable by the tests: {@code server.*}. */
@SocketController("server")
public class PubSubController {

    /** A channel and data. */
    public record ChannelData(String channel, JsonValue data) {
    }

    @Inject
    TokenSocketServer server;

    public boolean publish(ChannelData request) {
        server.publish(request.channel(), request.data());
        return true;
    }

    public boolean broadcast(JsonValue data) {
        server.broadcast(data);
        return true;
    }

    public boolean subscribeMe(String channel, Socket socket) {
        server.subscribe(socket, channel);
        return true;
    }

    public boolean unsubscribeMe(String channel, Socket socket) {
        server.unsubscribe(socket, channel);
        return true;
    }

    public boolean unsubscribeAll(String channel) {
        server.unsubscribeAll(channel);
        return true;
    }

    public List<String> channels() {
        return server.channels().stream().sorted().toList();
    }

    /** The calling socket's channels, as the server has them. */
    public List<String> myChannels(Socket socket) {
        return socket.channels().stream().sorted().toList();
    }

    public int channelSockets(String channel) {
        return server.channelSockets(channel).size();
    }

    /** Closes the calling socket a moment after answering. */
    public boolean closeMe(Socket socket) {
        java.util.concurrent.CompletableFuture.delayedExecutor(100, java.util.concurrent.TimeUnit.MILLISECONDS).execute(socket::close);
        return true;
    }
}
