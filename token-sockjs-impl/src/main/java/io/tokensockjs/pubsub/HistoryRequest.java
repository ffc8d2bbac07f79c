package io.tokensockjs.pubsub;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The history fields of a {@code _subscribe} or {@code _history} request: {@code since} (the last offset the client
 * has), {@code epoch} (the epoch it had it in) and, for {@code _history}, {@code limit}. Absent fields are null.
 */
record HistoryRequest(Long since, String epoch, Integer limit) {

    /** Offsets and limits are whole numbers from 0 up to this (beyond, a client sends nonsense). */
    private static final long MAX_NUMBER = 1L << 53;

    /** @return null when a field has the wrong type or range */
    static HistoryRequest parse(JsonObject req) {
        Long since = null;
        String epoch = null;
        Integer limit = null;
        JsonValue value = req.get("since");
        if (value != null && value != JsonValue.NULL) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.bigDecimalValue().signum() < 0
                    || number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(MAX_NUMBER)) > 0) {
                return null;
            }
            since = number.longValue();
        }
        value = req.get("epoch");
        if (value != null && value != JsonValue.NULL) {
            if (!(value instanceof JsonString string) || string.getString().length() > 64) {
                return null;
            }
            epoch = string.getString();
        }
        value = req.get("limit");
        if (value != null && value != JsonValue.NULL) {
            if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.bigDecimalValue().signum() < 0) {
                return null;
            }
            limit = number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
                    ? Integer.MAX_VALUE : number.intValue();
        }
        return new HistoryRequest(since, epoch, limit);
    }
}
