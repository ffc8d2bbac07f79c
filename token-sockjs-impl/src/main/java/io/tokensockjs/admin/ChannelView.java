package io.tokensockjs.admin;

/** A channel with its subscribed sockets (on this server, or summed over every server by a cluster directory). */
public record ChannelView(String channel, int subscribers) {
}
