package io.tokensockjs.bench.load;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * The server under load, from its base URL ({@code http://127.0.0.1:19200/bench} for this project's bench
 * server, {@code http://127.0.0.1:19300} for the Node baseline): where to connect and the paths of the token
 * route, the SockJS prefix and the stats route below it.
 */
record Target(String host, int port, String basePath) {

    static Target of(String url) {
        URI uri = URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath();
        return new Target(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort(),
                path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    String hostHeader() {
        return host + ":" + port;
    }

    String tokenPath() {
        return basePath + "/socket/token";
    }

    String socketPrefix() {
        return basePath + "/sockets";
    }

    URI statsUri() {
        return URI.create("http://" + hostHeader() + basePath + "/bench/stats");
    }

    @Override
    public String toString() {
        return "http://" + hostHeader() + basePath;
    }
}
