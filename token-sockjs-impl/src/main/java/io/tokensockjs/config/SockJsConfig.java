package io.tokensockjs.config;

import io.tokensockjs.sockjs.SockJsOptions;

import org.eclipse.microprofile.config.Config;

import java.util.Optional;

/**
 * Reads the options of a SockJS service from MicroProfile Config.
 *
 * <p>Each option is looked up as {@code token-sockjs.sockjs.<service>.<option>}, then as
 * {@code token-sockjs.sockjs.<option>} (a default for every service), then takes the sockjs-node default:
 * <table>
 *   <caption>SockJS options</caption>
 *   <tr><th>option</th><th>default</th></tr>
 *   <tr><td>prefix</td><td>{@code /<service>}</td></tr>
 *   <tr><td>sockjs-url</td><td>{@value SockJsOptions#DEFAULT_SOCKJS_URL}</td></tr>
 *   <tr><td>response-limit</td><td>128KiB</td></tr>
 *   <tr><td>websocket</td><td>true</td></tr>
 *   <tr><td>jsessionid</td><td>false</td></tr>
 *   <tr><td>heartbeat-delay</td><td>25s</td></tr>
 *   <tr><td>disconnect-delay</td><td>5s</td></tr>
 *   <tr><td>log</td><td>false (connections logged at FINE; true logs them at INFO)</td></tr>
 *   <tr><td>max-message-size</td><td>256KiB</td></tr>
 *   <tr><td>max-queued-bytes</td><td>1MiB</td></tr>
 *   <tr><td>max-sessions</td><td>100000</td></tr>
 *   <tr><td>disable-cors</td><td>false</td></tr>
 * </table>
 * Environment variables follow the MicroProfile mapping: {@code TOKEN_SOCKJS_SOCKJS_ECHO_RESPONSE_LIMIT}. Where
 * sockjs-node takes a function for {@code jsessionid} or {@code log}, an application gives a bean
 * ({@code JsessionidCookie}, {@code SockJsLog}); the installers apply it.
 */
public final class SockJsConfig {

    /** The root of every SockJS option key. */
    public static final String ROOT = "token-sockjs.sockjs.";

    private SockJsConfig() {
    }

    /** The options of the named service. */
    public static SockJsOptions read(Config config, String service, String defaultPrefix) {
        Lookup lookup = new Lookup(config, service);
        SockJsOptions options = SockJsOptions.defaults(lookup.string("prefix").orElse(defaultPrefix));
        options = options.withSockjsUrl(lookup.string("sockjs-url").orElse(options.sockjsUrl()));
        options = options.withResponseLimit(lookup.bytes("response-limit").orElse(options.responseLimit()));
        options = options.withWebsocket(lookup.bool("websocket").orElse(options.websocket()));
        options = options.withJsessionid(lookup.bool("jsessionid").orElse(options.jsessionid()));
        options = options.withHeartbeatDelay(lookup.duration("heartbeat-delay").orElse(options.heartbeatDelay()));
        options = options.withDisconnectDelay(lookup.duration("disconnect-delay").orElse(options.disconnectDelay()));
        options = options.withLog(lookup.bool("log").orElse(options.log()));
        options = options.withMaxMessageSize(lookup.bytes("max-message-size").orElse(options.maxMessageSize()));
        options = options.withMaxQueuedBytes(lookup.bytes("max-queued-bytes").orElse(options.maxQueuedBytes()));
        options = options.withMaxSessions(lookup.string("max-sessions").map(Integer::parseInt).orElse(options.maxSessions()));
        options = options.withDisableCors(lookup.bool("disable-cors").orElse(options.disableCors()));
        return options;
    }

    private record Lookup(Config config, String service) {

        Optional<String> string(String option) {
            String specific = ROOT + service + "." + option;
            Optional<String> value = config.getOptionalValue(specific, String.class);
            return value.isPresent() ? value : config.getOptionalValue(ROOT + option, String.class);
        }

        Optional<Boolean> bool(String option) {
            return string(option).map(value -> switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException("Configuration " + ROOT + service + "." + option
                        + ": not a boolean: " + value);
            });
        }

        Optional<Integer> bytes(String option) {
            return string(option).map(value -> ConfigValues.bytes(ROOT + service + "." + option, value));
        }

        Optional<java.time.Duration> duration(String option) {
            return string(option).map(value -> ConfigValues.duration(ROOT + service + "." + option, value));
        }
    }
}
