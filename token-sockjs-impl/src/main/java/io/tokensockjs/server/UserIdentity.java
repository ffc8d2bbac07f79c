package io.tokensockjs.server;

import io.tokensockjs.UserResolver;
import io.tokensockjs.config.TokenSockJsConfig;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The user of a socket: the application's {@link UserResolver} bean when there is one, else the configured key of
 * the authentication data ({@code token-sockjs.cluster.user-key}; a string or a number), else none.
 */
@ApplicationScoped
public class UserIdentity {

    private static final Logger LOG = Logger.getLogger(UserIdentity.class.getName());
    /** Longer user names are cut: they travel in every presence entry. */
    static final int MAX_USER_LENGTH = 256;

    @Inject
    Instance<UserResolver> resolvers;

    @Inject
    TokenSockJsConfig config;

    private UserResolver resolver;

    @PostConstruct
    void init() {
        if (resolvers.isResolvable()) {
            resolver = resolvers.get();
        } else {
            String key = config.clusterUserKey().orElse(null);
            resolver = key == null ? data -> null : data -> valueOf(data, key);
        }
    }

    /** The user, or null; a resolver that fails is logged and gives none. */
    String of(JsonValue authData) {
        String user;
        try {
            user = resolver.user(authData);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The UserResolver failed; the socket has no user", e);
            return null;
        }
        return user == null || user.length() <= MAX_USER_LENGTH ? user : user.substring(0, MAX_USER_LENGTH);
    }

    private static String valueOf(JsonValue data, String key) {
        if (data instanceof JsonObject object) {
            JsonValue value = object.get(key);
            if (value instanceof JsonString string) {
                return string.getString();
            }
            if (value instanceof JsonNumber number) {
                return number.toString();
            }
        }
        return null;
    }
}
