package io.tokensockjs.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Optional;

/**
 * The keys of per-channel history (off unless {@value #CHANNELS} names channels).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #CHANNELS}</td><td>(none)</td><td>the channels that keep history: comma-separated entries, each a
 *       channel name or a glob ({@code chat.*}) optionally followed by {@code size=N} (messages kept, default 100) and
 *       {@code ttl=T} (how long each is kept), separated by spaces: {@code chat.* size=500 ttl=10m, news}</td></tr>
 *   <tr><td>{@value #MAX_PER_REQUEST}</td><td>1000</td><td>messages one {@code _history} answer or one recovery on
 *       {@code _subscribe} gives at most; a recovery that would need more is refused ({@code "recovered":false})</td></tr>
 *   <tr><td>{@value #RETENTION}</td><td>24h</td><td>how long the history of a channel nobody publishes on is kept
 *       (its epoch and offsets with it); at least its ttl</td></tr>
 * </table>
 */
@ApplicationScoped
public class HistoryConfig {

    public static final String CHANNELS = "token-sockjs.history.channels";
    public static final String MAX_PER_REQUEST = "token-sockjs.history.max-per-request";
    public static final String RETENTION = "token-sockjs.history.retention";

    @Inject
    Config config;

    public Optional<String> channels() {
        return config.getOptionalValue(CHANNELS, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    public int maxPerRequest() {
        int value = config.getOptionalValue(MAX_PER_REQUEST, Integer.class).orElse(1000);
        if (value < 1) {
            throw new IllegalArgumentException(MAX_PER_REQUEST + " must be at least 1: " + value);
        }
        return value;
    }

    public Duration retention() {
        return config.getOptionalValue(RETENTION, String.class).map(String::trim).filter(s -> !s.isEmpty())
                .map(value -> ConfigValues.duration(RETENTION, value)).orElse(Duration.ofHours(24));
    }
}
