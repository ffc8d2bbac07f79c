package io.tokensockjs.it.app;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsEndpoint;
import io.tokensockjs.sockjs.SockJsHandler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/**
 * {@code /connection_info}: answers every message with what the connection tells of its client, as JSON
 * (remoteAddress, remotePort, readable, writable, url, pathname, prefix, protocol, headers).
 */
@ApplicationScoped
@SockJsEndpoint("connection_info")
public class ConnectionInfo implements SockJsHandler {

    @Override
    public void onMessage(SockJsConnection connection, String message) {
        JsonObjectBuilder headers = Json.createObjectBuilder();
        connection.headers().forEach((name, values) -> headers.add(name, String.join(", ", values)));
        JsonObjectBuilder info = Json.createObjectBuilder()
                .add("remotePort", connection.remotePort())
                .add("readable", connection.readable())
                .add("writable", connection.writable())
                .add("url", connection.url())
                .add("pathname", connection.pathname())
                .add("prefix", connection.prefix())
                .add("protocol", connection.protocol())
                .add("headers", headers);
        if (connection.remoteAddress() == null) {
            info.addNull("remoteAddress");
        } else {
            info.add("remoteAddress", connection.remoteAddress());
        }
        connection.write(info.build().toString());
    }
}
