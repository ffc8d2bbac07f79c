package io.tokensockjs.protocol;

import jakarta.json.JsonValue;

/**
 * One message from a client, as far as the dispatcher needs it.
 *
 * @param rpc     the function or command named by {@code rpc}, or null when absent or not a string
 * @param command the protocol command {@code rpc} names, or null when it names a function (or nothing)
 * @param uuid    the client's request id, echoed in the answer; null when absent or neither a string nor a number
 * @param fields  the whole message, for the fields only some commands use ({@code req}, {@code token}, {@code fid},
 *                {@code resp})
 */
public record ClientRequest(String rpc, Command command, JsonValue uuid, MessageFields fields) {

    /** Reads the common fields of a message object. */
    public static ClientRequest of(MessageFields fields) {
        String rpc = fields.string("rpc");
        JsonValue uuid = fields.isStringOrNumber("uuid") ? fields.get("uuid") : null;
        return new ClientRequest(rpc, Command.of(rpc), uuid, fields);
    }

    /**
     * The request data, {@code JsonValue.NULL} when absent. Made on first use: a call refused before its function
     * runs (unknown function, too many in flight) never builds it.
     */
    public JsonValue req() {
        JsonValue req = fields.get("req");
        return req == null ? JsonValue.NULL : req;
    }

    /** A string field of the message, or null. */
    public String string(String field) {
        return fields.string(field);
    }

    /** Any field of the message as JSON-P, or null when absent. */
    public JsonValue value(String field) {
        return fields.get(field);
    }
}
