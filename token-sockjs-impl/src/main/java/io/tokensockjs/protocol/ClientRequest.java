package io.tokensockjs.protocol;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One message from a client, as far as the dispatcher needs it.
 *
 * @param rpc     the function or command named by {@code rpc}, or null when absent or not a string
 * @param command the protocol command {@code rpc} names, or null when it names a function (or nothing)
 * @param uuid    the client's request id, echoed in the answer; null when absent
 * @param req     the request data, {@code JsonValue.NULL} when absent
 * @param message the whole message, for the fields only some commands use ({@code token}, {@code fid}, {@code resp})
 */
public record ClientRequest(String rpc, Command command, JsonValue uuid, JsonValue req, JsonObject message) {

    /** Reads the common fields of a message object. */
    public static ClientRequest of(JsonObject message) {
        JsonValue rpcValue = message.get("rpc");
        String rpc = rpcValue instanceof JsonString string ? string.getString() : null;
        JsonValue uuid = message.get("uuid");
        if (uuid != null && uuid.getValueType() != JsonValue.ValueType.STRING && uuid.getValueType() != JsonValue.ValueType.NUMBER) {
            uuid = null;
        }
        JsonValue req = message.getOrDefault("req", JsonValue.NULL);
        return new ClientRequest(rpc, Command.of(rpc), uuid, req, message);
    }

    /** A string field of the message, or null. */
    public String string(String field) {
        JsonValue value = message.get(field);
        return value instanceof JsonString string ? string.getString() : null;
    }
}
