package io.tokensockjs.metrics;

import io.tokensockjs.config.OperationsConfig;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.logging.Logger;

/**
 * Every instrument of the library, by what it counts. Names follow OpenTelemetry's style, rendered for Prometheus
 * (dots as underscores, the unit as a suffix, {@code _total} on counters). Labels are bounded: functions are the
 * registered ones (an unknown name counts as {@value #UNKNOWN_FUNCTION}), close codes and event types are small
 * sets, channel names are never labels. With {@value OperationsConfig#METRICS_ENABLED} false every method returns
 * at once.
 */
@ApplicationScoped
public class TokenSocketMetrics {

    private static final Logger LOG = Logger.getLogger(TokenSocketMetrics.class.getName());

    /** The function label of calls to names that are not functions: client input never becomes a label. */
    public static final String UNKNOWN_FUNCTION = "_unknown";
    /** The service label of the token sockets. */
    public static final String TOKEN_SERVICE = "token";

    @Inject
    OperationsConfig config;

    private final MetricRegistry registry = new MetricRegistry();
    private boolean enabled;

    private Family<Counter> sessionsOpened;
    private Family<Counter> sessionsClosed;
    private Counter messagesIn;
    private Counter messagesOut;
    private Counter bytesIn;
    private Counter bytesOut;
    private Family<Histogram> rpcServer;
    /** {@link #rpcServer}'s series by function, then by outcome's ordinal: {@link #serverCallSeries}. */
    private final ConcurrentHashMap<String, Histogram[]> serverCalls = new ConcurrentHashMap<>();
    private static final int OUTCOMES = RpcOutcome.values().length;
    private Family<Histogram> rpcClient;
    private Family<Counter> tokens;
    private Family<Counter> vetoes;
    private Counter publishes;
    private Counter deliveries;
    private Counter filterDrops;
    private Counter slowConsumerCloses;

    @PostConstruct
    void init() {
        enabled = config.metricsEnabled();
        if (!enabled) {
            LOG.info(() -> "token-sockjs: metrics are off (" + OperationsConfig.METRICS_ENABLED + "=false)");
        }
        sessionsOpened = registry.counter("tokensockjs_sessions_opened", "Token socket sessions opened", "service", "transport");
        sessionsClosed = registry.counter("tokensockjs_sessions_closed", "Token socket sessions closed, by close code", "service", "code");
        messagesIn = registry.counter("tokensockjs_messages_received", "Messages received from clients").with();
        messagesOut = registry.counter("tokensockjs_messages_sent", "Messages queued for clients").with();
        bytesIn = registry.counter("tokensockjs_received_bytes", "UTF-8 bytes of the messages received from clients").with();
        bytesOut = registry.counter("tokensockjs_sent_bytes", "UTF-8 bytes of the messages queued for clients").with();
        rpcServer = registry.histogram("tokensockjs_rpc_server_duration_seconds",
                "Calls of server functions by clients, by function and outcome", "function", "outcome");
        rpcClient = registry.histogram("tokensockjs_rpc_client_duration_seconds",
                "Calls of client functions by the server, by function and outcome", "function", "outcome");
        tokens = registry.counter("tokensockjs_tokens", "Tokens issued, refused, redeemed, or presented invalid", "event");
        vetoes = registry.counter("tokensockjs_vetoes", "Actions vetoed by observers, by event type", "event");
        publishes = registry.counter("tokensockjs_publishes", "Messages published to channels (and broadcasts)").with();
        deliveries = registry.counter("tokensockjs_deliveries", "Channel messages queued for subscribed sockets").with();
        filterDrops = registry.counter("tokensockjs_filter_drops", "Channel messages a MessageFilter dropped for a socket").with();
        slowConsumerCloses = registry.counter("tokensockjs_slow_consumer_closes",
                "Sockets closed because their client did not read (outbound queue full)").with();
    }

    /** False when metrics are switched off; callers may then skip work done only for them. */
    public boolean enabled() {
        return enabled;
    }

    public MetricRegistry registry() {
        return registry;
    }

    /** Adds a gauge read at scrape time; its values are per combination of label values. */
    public void gauge(String name, String help, List<String> labelNames, Supplier<Map<List<String>, Long>> values) {
        registry.gauge(name, help, labelNames, values);
    }

    public void sessionOpened(String transport) {
        if (enabled) {
            sessionsOpened.with(TOKEN_SERVICE, String.valueOf(transport)).increment();
        }
    }

    /** A session closed with this code; 1008 (outbound queue full) also counts as a slow-consumer close. */
    public void sessionClosed(int code) {
        if (enabled) {
            sessionsClosed.with(TOKEN_SERVICE, Integer.toString(code)).increment();
            if (code == 1008) {
                slowConsumerCloses.increment();
            }
        }
    }

    public void messageReceived(String text) {
        if (enabled) {
            messagesIn.increment();
            bytesIn.add(utf8Length(text));
        }
    }

    /**
     * A message sent, whose UTF-8 size its holder may know already ({@code SockJsMessage.measured}): a published
     * message goes to every subscriber with one text, measured once.
     */
    public <M> void messageSent(M message, ToLongFunction<M> utf8Length) {
        if (enabled) {
            messagesOut.increment();
            bytesOut.add(utf8Length.applyAsLong(message));
        }
    }

    /** A client called a function of the server; {@code function} is a registered name or {@link #UNKNOWN_FUNCTION}. */
    public void serverCall(String function, RpcOutcome outcome, long nanos) {
        if (enabled) {
            serverCallSeries(function, outcome).recordNanos(nanos);
        }
    }

    /**
     * The series of a function and outcome, looked up once: {@link Family#with} makes a label list and hashes it, per
     * call. The series {@code with} gave is kept per function, for as many functions as a family holds series.
     */
    private Histogram serverCallSeries(String function, RpcOutcome outcome) {
        Histogram[] byOutcome = serverCalls.get(function);
        if (byOutcome == null) {
            if (serverCalls.size() >= Family.MAX_SERIES) {
                return rpcServer.with(function, outcome.label());
            }
            byOutcome = serverCalls.computeIfAbsent(function, f -> new Histogram[OUTCOMES]);
        }
        // A race looks the same series up twice: with() gives the same one to both.
        Histogram series = byOutcome[outcome.ordinal()];
        if (series == null) {
            series = rpcServer.with(function, outcome.label());
            byOutcome[outcome.ordinal()] = series;
        }
        return series;
    }

    /** The server called a function of a client (a name the application chose). */
    public void clientCall(String function, RpcOutcome outcome, long nanos) {
        if (enabled) {
            rpcClient.with(function, outcome.label()).recordNanos(nanos);
        }
    }

    public void token(TokenEvent event) {
        if (enabled) {
            tokens.with(event.label()).increment();
        }
    }

    /** An observer vetoed; {@code event} is the event type's simple name ({@code SubscribeEvent}, ...). */
    public void veto(String event) {
        if (enabled) {
            vetoes.with(event).increment();
        }
    }

    public void published() {
        if (enabled) {
            publishes.increment();
        }
    }

    public void delivered(long sockets) {
        if (enabled) {
            deliveries.add(sockets);
        }
    }

    public void filterDropped(long sockets) {
        if (enabled) {
            filterDrops.add(sockets);
        }
    }

    /** The UTF-8 length of a string, without encoding it. */
    public static long utf8Length(String text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * This bean itself, not its client proxy: called through the proxy once, it gives the per-message path a plain
     * reference (why that is safe: the package-info of {@code io.tokensockjs.server}). Wrapped, because Weld's proxy
     * hands back itself for a method that returns {@code this}.
     */
    public Supplier<TokenSocketMetrics> unproxied() {
        TokenSocketMetrics self = this;
        return () -> self;
    }
}
