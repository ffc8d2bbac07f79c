package io.tokensockjs.json;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;

/**
 * The library's one JSON-B instance ({@link SafeJsonb}'s binding), for the application's values: answers, call
 * arguments, published messages, authentication data. Callers on a hot path take {@link #jsonb()} once rather than
 * calling through this bean per message.
 */
@ApplicationScoped
public class JsonCodec {

    private Jsonb jsonb;

    @PostConstruct
    void init() {
        jsonb = SafeJsonb.create();
    }

    public Jsonb jsonb() {
        return jsonb;
    }

    /** An application value as JSON text ({@link SafeJsonb#write}). */
    public String toJson(Object value) {
        return SafeJsonb.write(jsonb, value);
    }
}
