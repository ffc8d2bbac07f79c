package io.tokensockjs.junit;

import jakarta.json.JsonValue;

/**
 * A message published on a channel, as a test socket received it.
 *
 * @param channel the channel
 * @param message the message as JSON
 */
public record Message(String channel, JsonValue message) {

    /** The message bound to a type with JSON-B (a record of the application, say). */
    public <T> T as(Class<T> type) {
        return JsonMapping.fromJson(message, type);
    }
}
