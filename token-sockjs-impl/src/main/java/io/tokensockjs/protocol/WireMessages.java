package io.tokensockjs.protocol;

import io.tokensockjs.sockjs.frame.JsonStrings;

import jakarta.json.JsonValue;

/**
 * The token-sockjs messages the server sends, written as JSON text directly: they are built for every answer and
 * every published message, so no intermediate object tree is made.
 */
public final class WireMessages {

    private WireMessages() {
    }

    /** {@code {"rpc":R,"uuid":U,"resp":RESP}}: the answer clients match by rpc and uuid. */
    public static String answer(String rpc, JsonValue uuid, String respJson) {
        String uuidJson = uuid == null ? null : uuid.toString();
        StringBuilder out = new StringBuilder(keySize(rpc, uuidJson) + 10 + respJson.length());
        out.append('{');
        appendKey(out, rpc, uuidJson);
        return out.append(",\"resp\":").append(respJson).append('}').toString();
    }

    /** {@code {"rpc":R,"uuid":U,"error":E}}; rpc and uuid are left out when the request had none. */
    public static String error(String rpc, JsonValue uuid, String errorJson) {
        String uuidJson = uuid == null ? null : uuid.toString();
        StringBuilder out = new StringBuilder(keySize(rpc, uuidJson) + 11 + errorJson.length());
        out.append('{');
        if (appendKey(out, rpc, uuidJson)) {
            out.append(',');
        }
        return out.append("\"error\":").append(errorJson).append('}').toString();
    }

    /** An error with one of the stable codes. */
    public static String error(String rpc, JsonValue uuid, ErrorCode code) {
        return error(rpc, uuid, JsonStrings.quote(code.wire()));
    }

    /** {@code {"channel":C,"message":M}}: a message published on a channel. */
    public static String channelMessage(String channel, String messageJson) {
        StringBuilder out = new StringBuilder(32 + channel.length() + messageJson.length());
        out.append("{\"channel\":");
        JsonStrings.appendQuoted(out, channel, false);
        return out.append(",\"message\":").append(messageJson).append('}').toString();
    }

    /**
     * {@code {"channel":C,"message":M,"offset":N,"epoch":E}}: a message of a channel that keeps history, with its place
     * in it. The original browser client reads only {@code channel} and {@code message}.
     */
    public static String channelMessage(String channel, String messageJson, long offset, String epoch) {
        String plain = channelMessage(channel, messageJson);
        StringBuilder out = new StringBuilder(plain.length() + 48);
        out.append(plain, 0, plain.length() - 1).append(",\"offset\":").append(offset).append(",\"epoch\":");
        JsonStrings.appendQuoted(out, epoch, false);
        return out.append('}').toString();
    }

    /** {@code {"internal":true,"command":C,"data":D}}: subscribe, unsubscribe and calls to the client. */
    public static String internal(String command, String dataJson) {
        StringBuilder out = new StringBuilder(48 + dataJson.length());
        out.append("{\"internal\":true,\"command\":");
        JsonStrings.appendQuoted(out, command, false);
        return out.append(",\"data\":").append(dataJson).append('}').toString();
    }

    /** {@code {"fid":F,"command":NAME,"args":A}}: the data of a call to the client. */
    public static String clientCall(String fid, String function, String argsJson) {
        StringBuilder out = new StringBuilder(48 + function.length() + argsJson.length());
        out.append("{\"fid\":");
        JsonStrings.appendQuoted(out, fid, false);
        out.append(",\"command\":");
        JsonStrings.appendQuoted(out, function, false);
        return out.append(",\"args\":").append(argsJson).append('}').toString();
    }

    /**
     * What {@link #appendKey} writes at most, so that an answer's builder is sized once (a name needing escapes
     * grows it, rarely): an answer with a 36-character uuid overflowed the former 32 characters plus the value.
     */
    private static int keySize(String rpc, String uuidJson) {
        return (rpc == null ? 0 : rpc.length() + 8) + (uuidJson == null ? 0 : uuidJson.length() + 8);
    }

    private static boolean appendKey(StringBuilder out, String rpc, String uuid) {
        boolean any = false;
        if (rpc != null) {
            out.append("\"rpc\":");
            JsonStrings.appendQuoted(out, rpc, false);
            any = true;
        }
        if (uuid != null) {
            if (any) {
                out.append(',');
            }
            out.append("\"uuid\":").append(uuid);
            any = true;
        }
        return any;
    }
}
