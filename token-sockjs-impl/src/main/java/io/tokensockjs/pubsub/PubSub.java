package io.tokensockjs.pubsub;

import io.tokensockjs.MessageFilter;
import io.tokensockjs.Socket;
import io.tokensockjs.event.BroadcastEvent;
import io.tokensockjs.event.HistoryEvent;
import io.tokensockjs.event.PublishEvent;
import io.tokensockjs.event.SubscribeEvent;
import io.tokensockjs.event.UnsubscribeEvent;
import io.tokensockjs.events.BroadcastEventImpl;
import io.tokensockjs.events.PublishEventImpl;
import io.tokensockjs.events.SubscribeEventImpl;
import io.tokensockjs.events.UnsubscribeEventImpl;
import io.tokensockjs.events.VetoOutcomes;
import io.tokensockjs.events.VetoableEventSupport;
import io.tokensockjs.history.ChannelHistory;
import io.tokensockjs.history.Delivery;
import io.tokensockjs.history.Envelope;
import io.tokensockjs.history.HistoryRule;
import io.tokensockjs.json.Jsonp;
import io.tokensockjs.metrics.TokenSocketMetrics;
import io.tokensockjs.protocol.ClientRequest;
import io.tokensockjs.protocol.Command;
import io.tokensockjs.protocol.ErrorCode;
import io.tokensockjs.protocol.WireMessages;
import io.tokensockjs.sockjs.frame.JsonStrings;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publish/subscribe for the token sockets: the client requests {@code _subscribe}, {@code _unsubscribe},
 * {@code _publish} and {@code _broadcast} (each vetoable by CDI observers), the server's own operations, and the
 * delivery of what the broker brings, through the application's filters, to each subscribed socket.
 */
@ApplicationScoped
public class PubSub {

    private static final Logger LOG = Logger.getLogger(PubSub.class.getName());

    /** Channel names are at most this long. */
    static final int MAX_CHANNEL_LENGTH = 256;
    /** Channels one socket may be on at once. */
    static final int MAX_CHANNELS_PER_SOCKET = 256;
    /** At most one WARNING a minute for requests the broker refuses. */
    private static final long FAILURE_WARNING_INTERVAL_NANOS = 60_000_000_000L;

    @Inject
    Brokers brokers;

    @Inject
    @Any
    Instance<MessageFilter> filterBeans;

    @Inject
    Event<SubscribeEvent> subscribeEvents;

    @Inject
    Event<UnsubscribeEvent> unsubscribeEvents;

    @Inject
    Event<PublishEvent> publishEvents;

    @Inject
    Event<BroadcastEvent> broadcastEvents;

    /** The reserved channels the servers talk on among themselves, and who on this server receives each. */
    private final Map<String, Consumer<String>> serverChannels = new ConcurrentHashMap<>();

    @Inject
    Event<HistoryEvent> historyEvents;

    @Inject
    ChannelHistory history;

    @Inject
    Scheduling scheduling;

    @Inject
    TokenSocketMetrics metrics;

    private final AtomicLong lastFailureWarning = new AtomicLong();
    private final AtomicLong failuresSinceWarning = new AtomicLong();
    private Broker broker;
    private ChannelRegistry registry;
    private ChannelDelivery delivery;
    private KeptChannels kept;

    @PostConstruct
    void init() {
        broker = brokers.broker();
        registry = new ChannelRegistry(broker);
        delivery = new ChannelDelivery(orderedFilters());
        history.start(broker::publish, broker.sharded() ? Delivery.SHARDED : Delivery.PLAIN);
        kept = new KeptChannels(history, registry, delivery, scheduling.executor(), historyEvents::fire);
        broker.start(this::delivered);
        BrokerGauges.register(metrics, broker);
    }

    /** Starts the broker with the application: the Redis subscriber connects before the first socket needs it. */
    void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.fine(() -> "publish/subscribe started on " + broker.describe());
    }

    @PreDestroy
    void stop() {
        broker.close();
    }

    public Broker broker() {
        return broker;
    }

    /** Tells a listener (presence) of every change of a local socket's channels. */
    public void onMembership(MembershipListener listener) {
        registry.listener(listener);
    }

    /**
     * Receives a reserved channel on this server (the cluster's requests): its payloads go to the receiver, on the
     * broker's thread, which the receiver must not hold.
     */
    public void listen(String reservedChannel, Consumer<String> receiver) {
        if (!ReservedChannels.isReserved(reservedChannel)) {
            throw new IllegalArgumentException("Not a reserved channel: " + reservedChannel);
        }
        serverChannels.put(reservedChannel, receiver);
        broker.subscribe(reservedChannel);
    }

    /** Publishes on a reserved channel ({@link #listen}); throws when the broker cannot take it. */
    public void publishReserved(String reservedChannel, String payload) {
        if (!ReservedChannels.isReserved(reservedChannel)) {
            throw new IllegalArgumentException("Not a reserved channel: " + reservedChannel);
        }
        broker.publish(reservedChannel, payload);
    }

    // ---- client requests ------------------------------------------------------------------------------------------

    /** Handles {@code _subscribe}, {@code _unsubscribe}, {@code _publish} and {@code _broadcast}. */
    public void handle(ChannelMember socket, ClientRequest request) {
        JsonObject req = request.req() instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        if (request.command() == Command.BROADCAST) {
            JsonValue data = req.getOrDefault("data", JsonValue.NULL);
            decide(socket, request, new BroadcastEventImpl(socket, data), broadcastEvents::fire, () -> {
                broker.publish(ReservedChannels.BROADCAST, data.toString());
                metrics.published();
                socket.send(WireMessages.answer(request.rpc(), request.uuid(), "true"));
            });
            return;
        }
        String channel = req.get("channel") instanceof JsonString string ? string.getString() : null;
        if (channel == null || channel.isEmpty() || channel.length() > MAX_CHANNEL_LENGTH) {
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INVALID_REQUEST));
            return;
        }
        if (ReservedChannels.isReserved(channel)) {
            LOG.info(() -> "socket " + socket.id() + " tried " + request.rpc() + " on the reserved channel " + channel);
            socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FORBIDDEN));
            return;
        }
        String channelJson = "{\"channel\":" + JsonStrings.quote(channel) + "}";
        switch (request.command()) {
            case SUBSCRIBE -> {
                if (socket.channelSet().size() >= MAX_CHANNELS_PER_SOCKET && !socket.channelSet().contains(channel)) {
                    socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.TOO_MANY_REQUESTS));
                    return;
                }
                HistoryRequest asked = HistoryRequest.parse(req);
                if (asked == null) {
                    socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INVALID_REQUEST));
                    return;
                }
                decide(socket, request, new SubscribeEventImpl(socket, channel), subscribeEvents::fire, () -> {
                    Optional<HistoryRule> rule = kept.rule(channel);
                    if (rule.isPresent()) {
                        // The answer waits for the history: it tells where the socket starts.
                        kept.subscribe(socket, channel, rule.get(), asked, start -> {
                            socket.send(WireMessages.internal("subscribe", internalData(channel, request)));
                            socket.send(WireMessages.answer(request.rpc(), request.uuid(), keptChannelJson(channel, start)));
                        });
                        return;
                    }
                    registry.add(channel, socket);
                    socket.send(WireMessages.internal("subscribe", internalData(channel, request)));
                    socket.send(WireMessages.answer(request.rpc(), request.uuid(), channelJson));
                });
            }
            case HISTORY -> {
                HistoryRequest asked = HistoryRequest.parse(req);
                if (asked == null) {
                    socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INVALID_REQUEST));
                    return;
                }
                kept.history(socket, request, channel, asked);
            }
            case UNSUBSCRIBE -> decide(socket, request, new UnsubscribeEventImpl(socket, channel), unsubscribeEvents::fire, () -> {
                registry.remove(channel, socket);
                kept.left(socket, channel);
                socket.send(WireMessages.internal("unsubscribe", internalData(channel, request)));
                socket.send(WireMessages.answer(request.rpc(), request.uuid(), channelJson));
            });
            case PUBLISH -> {
                JsonValue data = req.getOrDefault("data", JsonValue.NULL);
                decide(socket, request, new PublishEventImpl(socket, channel, data), publishEvents::fire, () -> {
                    publishOn(channel, data.toString());
                    socket.send(WireMessages.answer(request.rpc(), request.uuid(), channelJson));
                });
            }
            default -> socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.FUNCTION_NOT_FOUND));
        }
    }

    /** Fires a vetoable event and, once every observer has decided, acts or answers the veto's reason. */
    private <E extends VetoableEventSupport> void decide(ChannelMember socket, ClientRequest request, E event,
            Consumer<E> fire, Runnable action) {
        VetoOutcomes.decide(event, fire, request.rpc(),
                reason -> {
                    metrics.veto(eventType(request.command()));
                    socket.send(WireMessages.error(request.rpc(), request.uuid(), JsonStrings.quote(reason)));
                },
                () -> {
                    if (!socket.isOpen()) {
                        return;
                    }
                    try {
                        action.run();
                    } catch (RuntimeException e) {
                        // The broker could not take it (Redis unreachable): the client hears so instead of waiting.
                        brokerFailed(request.rpc() + " of socket " + socket.id(), e);
                        socket.send(WireMessages.error(request.rpc(), request.uuid(), ErrorCode.INTERNAL_ERROR));
                    }
                });
    }

    /** The event type a channel request fires, as the vetoes metric names it. */
    private static String eventType(Command command) {
        return switch (command) {
            case SUBSCRIBE -> SubscribeEvent.class.getSimpleName();
            case UNSUBSCRIBE -> UnsubscribeEvent.class.getSimpleName();
            case PUBLISH -> PublishEvent.class.getSimpleName();
            case BROADCAST -> BroadcastEvent.class.getSimpleName();
            default -> command.name();
        };
    }

    /**
     * Logs a request the broker could not take: at WARNING at most once a minute (an outage under load fails
     * hundreds a second), with how many failed since; each one at FINE.
     */
    private void brokerFailed(String what, RuntimeException e) {
        long now = System.nanoTime();
        long last = lastFailureWarning.get();
        long failed = failuresSinceWarning.incrementAndGet();
        if ((last == 0 || now - last > FAILURE_WARNING_INTERVAL_NANOS) && lastFailureWarning.compareAndSet(last, now)) {
            failuresSinceWarning.addAndGet(-failed);
            LOG.warning("token-sockjs: the broker refused " + what + " (" + e.getMessage() + "); " + failed
                    + " refused since the last such warning");
        }
        LOG.log(Level.FINE, what + " failed", e);
    }

    /** The answer to a subscription of a channel that keeps history: where the socket starts in it. */
    private static String keptChannelJson(String channel, ChannelCursor.Start start) {
        StringBuilder out = new StringBuilder("{\"channel\":").append(JsonStrings.quote(channel));
        if (start.epoch() != null) {
            out.append(",\"epoch\":").append(JsonStrings.quote(start.epoch())).append(",\"offset\":").append(start.offset());
        }
        if (start.recovered() != null) {
            out.append(",\"recovered\":").append(start.recovered());
        }
        return out.append('}').toString();
    }

    /** Publishes through the history when the channel keeps one, straight through the broker otherwise. */
    private void publishOn(String channel, String json) {
        if (!kept.publish(channel, json)) {
            broker.publish(channel, json);
        }
        metrics.published();
    }

    /** The data of an internal (un)subscribe message: the channel, and the request's rpc and uuid when it had them. */
    private static String internalData(String channel, ClientRequest request) {
        StringBuilder out = new StringBuilder("{\"channel\":").append(JsonStrings.quote(channel));
        if (request != null) {
            out.append(",\"rpc\":").append(JsonStrings.quote(request.rpc()));
            if (request.uuid() != null) {
                out.append(",\"uuid\":").append(request.uuid());
            }
        }
        return out.append('}').toString();
    }

    // ---- server operations ------------------------------------------------------------------------------------

    public void publish(String channel, String payloadJson) {
        requireClientChannel(channel);
        publishOn(channel, payloadJson);
    }

    public void broadcast(String payloadJson) {
        broker.publish(ReservedChannels.BROADCAST, payloadJson);
        metrics.published();
    }

    public void subscribe(ChannelMember socket, String channel) {
        requireClientChannel(channel);
        Optional<HistoryRule> rule = kept.rule(channel);
        if (rule.isPresent() && !socket.channelSet().contains(channel)) {
            kept.subscribedByServer(socket, channel, rule.get());
        }
        if (registry.add(channel, socket)) {
            socket.send(WireMessages.internal("subscribe", internalData(channel, null)));
        }
    }

    public void unsubscribe(ChannelMember socket, String channel) {
        if (registry.remove(channel, socket)) {
            kept.left(socket, channel);
            socket.send(WireMessages.internal("unsubscribe", internalData(channel, null)));
        }
    }

    public void unsubscribeAll(String channel) {
        broker.publish(ReservedChannels.UNSUBSCRIBE_ALL, JsonStrings.quote(channel));
    }

    public Set<String> channels() {
        return registry.channels();
    }

    public Collection<Socket> channelSockets(String channel) {
        return List.copyOf(registry.sockets(channel));
    }

    /** A socket closed: it leaves every channel, so nothing more is delivered to it. */
    public void closed(ChannelMember socket) {
        for (String channel : List.copyOf(socket.channelSet())) {
            registry.remove(channel, socket);
        }
        kept.closed(socket);
    }

    private static void requireClientChannel(String channel) {
        if (channel == null || channel.isEmpty() || ReservedChannels.isReserved(channel)) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
    }

    // ---- delivery ---------------------------------------------------------------------------------------------

    /** What the broker brings: a channel's message, a broadcast or an unsubscribeAll. */
    void delivered(String channel, String payload) {
        try {
            switch (channel) {
                case ReservedChannels.BROADCAST -> {
                    for (String each : List.copyOf(registry.channels())) {
                        deliver(each, payload);
                    }
                }
                case ReservedChannels.UNSUBSCRIBE_ALL -> {
                    String target = Jsonp.parse(payload) instanceof JsonString name ? name.getString() : null;
                    if (target != null) {
                        for (ChannelMember socket : List.copyOf(registry.sockets(target))) {
                            unsubscribe(socket, target);
                        }
                    }
                }
                default -> {
                    Consumer<String> receiver = serverChannels.get(channel);
                    if (receiver != null) {
                        receiver.accept(payload);
                    } else if (Envelope.isEnvelope(payload)) {
                        Envelope envelope = Envelope.decode(payload);
                        if (envelope == null) {
                            LOG.warning(() -> "token-sockjs: dropping a malformed history envelope on " + channel);
                        } else {
                            kept.deliver(channel, envelope);
                        }
                    } else {
                        deliver(channel, payload);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Delivery of a message on " + channel + " failed", e);
        }
    }

    private void deliver(String channel, String payload) {
        ChannelDelivery.Outcome outcome = delivery.deliver(channel, payload, registry.sockets(channel), ChannelMember::send);
        metrics.delivered(outcome.sent());
        if (outcome.dropped() > 0) {
            metrics.filterDropped(outcome.dropped());
        }
    }

    private List<MessageFilter> orderedFilters() {
        List<Instance.Handle<MessageFilter>> handles = new ArrayList<>();
        filterBeans.handles().forEach(handles::add);
        handles.sort(Comparator.comparingInt(handle -> {
            Priority priority = handle.getBean().getBeanClass().getAnnotation(Priority.class);
            return priority == null ? Integer.MAX_VALUE / 2 : priority.value();
        }));
        return handles.stream().map(Instance.Handle::get).toList();
    }
}
