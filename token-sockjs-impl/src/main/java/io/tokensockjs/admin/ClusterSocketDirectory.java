package io.tokensockjs.admin;

import io.tokensockjs.SocketPresence;
import io.tokensockjs.cluster.Cluster;
import io.tokensockjs.cluster.ClusterBus;
import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.json.Jsonp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The sockets of every server sharing a Redis, for the admin API. Each server answers for its own sockets, through its
 * {@link LocalSocketDirectory}, to requests on the {@link ClusterBus}:
 *
 * <ul>
 *   <li>{@code admin-sockets} {@code {channel,transport,ip,q,window}}: its first {@code window} matching sockets in
 *       the listing's order and how many match; this server merges the answers, orders them the same way and cuts
 *       the page. The first {@code offset+limit} of the whole listing are among the first {@code offset+limit} of
 *       each server, so the page is exact; pages deeper than {@value #MAX_WINDOW} are refused, to keep the
 *       answers small.</li>
 *   <li>{@code admin-channels} {@code {window}}: its first {@code window} channels by name with their subscribers;
 *       the counts are summed per name.</li>
 *   <li>{@code admin-socket}, {@code admin-close} {@code {socket}} and {@code admin-unsubscribe}
 *       {@code {socket,channel}}: sent to the server that presence says holds the socket (to all when presence cannot
 *       be read).</li>
 * </ul>
 *
 * Every answer is {@code {"server":S,...}}. The listings name the servers that did not answer within the cluster
 * timeout instead of failing; an answer of the wrong shape (it comes over Redis) is logged and counted as none.
 */
@ApplicationScoped
@Typed(ClusterSocketDirectory.class)
public class ClusterSocketDirectory implements SocketDirectory {

    private static final Logger LOG = Logger.getLogger(ClusterSocketDirectory.class.getName());

    /** The deepest {@code offset+limit} a cluster-wide listing serves: each server sends at most this many items. */
    static final int MAX_WINDOW = 1000;

    private static final String SOCKETS = "admin-sockets";
    private static final String CHANNELS = "admin-channels";
    private static final String SOCKET = "admin-socket";
    private static final String CLOSE = "admin-close";
    private static final String UNSUBSCRIBE = "admin-unsubscribe";

    @Inject
    LocalSocketDirectory local;

    @Inject
    Cluster cluster;

    @Inject
    TokenSockJsConfig config;

    /** Answers the other servers' admin requests for this server's sockets; called once, at start. */
    void serve() {
        ClusterBus bus = cluster.bus();
        bus.handle(SOCKETS, data -> answer(data, request -> {
            Page<SocketView> page = local.sockets(new SocketQuery(filter(request, "channel"), filter(request, "transport"),
                    filter(request, "ip"), filter(request, "q"), 0, window(request)));
            JsonArrayBuilder sockets = Jsonp.PROVIDER.createArrayBuilder();
            page.items().forEach(socket -> sockets.add(SocketViewJson.write(socket.onServer(cluster.serverId()))));
            return reply().add("total", page.total()).add("sockets", sockets);
        }));
        bus.handle(CHANNELS, data -> answer(data, request -> {
            Page<ChannelView> page = local.channels(0, window(request));
            JsonArrayBuilder channels = Jsonp.PROVIDER.createArrayBuilder();
            page.items().forEach(channel -> channels.add(Jsonp.PROVIDER.createObjectBuilder()
                    .add("channel", channel.channel()).add("subscribers", channel.subscribers())));
            return reply().add("total", page.total()).add("channels", channels);
        }));
        bus.handle(SOCKET, data -> answer(data, request -> reply().add("result", local.socket(socketOf(request))
                .<JsonValue>map(socket -> SocketViewJson.write(socket.onServer(cluster.serverId())).build()).orElse(JsonValue.NULL))));
        bus.handle(CLOSE, data -> answer(data, request -> reply().add("result", local.close(socketOf(request)))));
        bus.handle(UNSUBSCRIBE, data -> answer(data, request -> reply()
                .add("result", local.unsubscribe(socketOf(request), SocketViewJson.text(request, "channel")))));
    }

    // ---- the listings ------------------------------------------------------------------------------------------

    @Override
    public Page<SocketView> sockets(SocketQuery query) {
        int window = windowOf(query.offset(), query.limit());
        JsonObjectBuilder request = Jsonp.PROVIDER.createObjectBuilder().add("window", window);
        addFilter(request, "channel", query.channel());
        addFilter(request, "transport", query.transport());
        addFilter(request, "ip", query.ip());
        addFilter(request, "q", query.text());
        Answers<Part<SocketView>> answers = askAll(SOCKETS, request.build(), answer -> new Part<>(
                items(answer, "sockets", window, SocketViewJson::read), nonNegative(answer, "total")));
        List<SocketView> merged = new ArrayList<>();
        int total = 0;
        for (Part<SocketView> part : answers.received()) {
            merged.addAll(part.items());
            total += part.total();
        }
        merged.sort(LocalSocketDirectory.ORDER);
        return Page.of(merged, query.offset(), query.limit(), total, answers.unanswered());
    }

    /**
     * The channels of every server, their subscribers summed. The total is exact when every server sent all its
     * channels (fewer than the window); otherwise it is the most any one server or the merge knows of, a lower bound.
     */
    @Override
    public Page<ChannelView> channels(int offset, int limit) {
        int window = windowOf(offset, limit);
        Answers<Part<ChannelView>> answers = askAll(CHANNELS, Jsonp.PROVIDER.createObjectBuilder().add("window", window).build(),
                answer -> new Part<>(items(answer, "channels", window, ClusterSocketDirectory::channel), nonNegative(answer, "total")));
        Map<String, Integer> subscribers = new TreeMap<>();
        int largestTotal = 0;
        for (Part<ChannelView> part : answers.received()) {
            part.items().forEach(channel -> subscribers.merge(channel.channel(), channel.subscribers(), Integer::sum));
            largestTotal = Math.max(largestTotal, part.total());
        }
        List<ChannelView> merged = subscribers.entrySet().stream().map(e -> new ChannelView(e.getKey(), e.getValue())).toList();
        return Page.of(merged, offset, limit, Math.max(largestTotal, merged.size()), answers.unanswered());
    }

    @Override
    public void publish(String channel, String payloadJson) {
        local.publish(channel, payloadJson); // the broker carries it to every server
    }

    // ---- one socket -------------------------------------------------------------------------------------------

    @Override
    public Optional<SocketView> socket(String id) {
        Optional<SocketView> here = local.socket(id);
        if (here.isPresent()) {
            return Optional.of(here.get().onServer(cluster.serverId()));
        }
        JsonValue found = askHolder(id, SOCKET, Jsonp.PROVIDER.createObjectBuilder().add("socket", id).build());
        return found == null || found == JsonValue.NULL ? Optional.empty() : Optional.of(SocketViewJson.read(found));
    }

    @Override
    public boolean close(String id) {
        return local.close(id) || JsonValue.TRUE.equals(askHolder(id, CLOSE, Jsonp.PROVIDER.createObjectBuilder().add("socket", id).build()));
    }

    @Override
    public boolean unsubscribe(String socketId, String channel) {
        if (local.socket(socketId).isPresent()) {
            return local.unsubscribe(socketId, channel);
        }
        return JsonValue.TRUE.equals(askHolder(socketId, UNSUBSCRIBE,
                Jsonp.PROVIDER.createObjectBuilder().add("socket", socketId).add("channel", channel).build()));
    }

    /**
     * Asks the server holding a socket of another server; its {@code result}, or null when no server holds it. When
     * presence cannot be read, every server is asked and the first found result wins.
     */
    private JsonValue askHolder(String socketId, String op, JsonObject request) {
        Optional<SocketPresence> where;
        try {
            where = cluster.presence().socket(socketId);
        } catch (RuntimeException e) {
            LOG.fine(() -> "presence unreadable (" + e.getMessage() + "): " + op + " asks every server");
            return askAll(op, request, answer -> answer.getOrDefault("result", JsonValue.NULL)).received().stream()
                    .filter(result -> result != null && result != JsonValue.NULL && result != JsonValue.FALSE)
                    .findFirst().orElse(null);
        }
        if (where.isEmpty()) {
            return null;
        }
        String server = where.get().server();
        Duration timeout = config.clusterTimeout();
        try {
            JsonObject answer = valid(await(cluster.bus().ask(server, op, request, timeout), timeout));
            return answer.getOrDefault("result", JsonValue.NULL);
        } catch (IllegalArgumentException | ExecutionException | TimeoutException e) {
            LOG.warning("token-sockjs: admin " + op + " of a socket on server " + server + " got no usable answer: " + e.getMessage());
            throw new ServerUnansweredException(server);
        }
    }

    // ---- asking every server ----------------------------------------------------------------------------------

    /** The usable answers, and the live servers that gave none. */
    private record Answers<T>(List<T> received, List<String> unanswered) {
    }

    /** One server's part of a listing: its first items and how many it has in all. */
    private record Part<T>(List<T> items, int total) {
    }

    /**
     * Asks every live server; each answer is read by the reader, and one of the wrong shape (it came over Redis) is
     * logged and counts as no answer.
     */
    private <T> Answers<T> askAll(String op, JsonObject request, Function<JsonObject, T> reader) {
        Set<String> live = new TreeSet<>(cluster.liveServers());
        Duration timeout = config.clusterTimeout();
        List<JsonValue> answers;
        try {
            answers = await(cluster.bus().askAll(op, request), timeout);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warning("token-sockjs: admin " + op + " reached no server: " + e.getMessage());
            answers = List.of();
        }
        List<T> usable = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (JsonValue answer : answers) {
            try {
                JsonObject object = valid(answer);
                T read = reader.apply(object);
                if (answered.add(object.getString("server"))) {
                    usable.add(read);
                }
            } catch (IllegalArgumentException | ClassCastException e) {
                LOG.warning("token-sockjs: an admin " + op + " answer of the wrong shape was ignored: " + e.getMessage());
            }
        }
        live.removeAll(answered);
        return new Answers<>(usable, List.copyOf(live));
    }

    private static <T> List<T> items(JsonObject answer, String key, int window, Function<JsonValue, T> reader) {
        if (!(answer.get(key) instanceof JsonArray array) || array.size() > window) {
            throw new IllegalArgumentException(key + " must be an array of at most " + window);
        }
        return array.stream().map(reader).toList();
    }

    private static ChannelView channel(JsonValue value) {
        if (!(value instanceof JsonObject channel)) {
            throw new IllegalArgumentException("a channel must be an object");
        }
        return new ChannelView(SocketViewJson.text(channel, "channel"), nonNegative(channel, "subscribers"));
    }

    /** Waits for a bus request, which ends by itself at the cluster timeout; the extra second only guards that. */
    private static <T> T await(CompletionStage<T> stage, Duration timeout) throws ExecutionException, TimeoutException {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    private static JsonObject valid(JsonValue answer) {
        if (answer instanceof JsonObject object) {
            SocketViewJson.text(object, "server");
            return object;
        }
        throw new IllegalArgumentException("an answer must be an object");
    }

    // ---- the requests, validated where they are answered --------------------------------------------------------

    private CompletionStage<JsonValue> answer(JsonValue data, Function<JsonObject, JsonObjectBuilder> handler) {
        if (!(data instanceof JsonObject request)) {
            LOG.warning("token-sockjs: an admin cluster request that is not an object was ignored");
            return CompletableFuture.failedFuture(new IllegalArgumentException("an admin request must be an object"));
        }
        try {
            return CompletableFuture.completedFuture(handler.apply(request).build());
        } catch (IllegalArgumentException | ClassCastException e) {
            LOG.warning("token-sockjs: a malformed admin cluster request was ignored: " + e.getMessage());
            return CompletableFuture.failedFuture(new IllegalArgumentException("malformed admin request"));
        }
    }

    private JsonObjectBuilder reply() {
        return Jsonp.PROVIDER.createObjectBuilder().add("server", cluster.serverId());
    }

    private static String socketOf(JsonObject request) {
        return SocketViewJson.text(request, "socket");
    }

    private static String filter(JsonObject request, String key) {
        String value = SocketViewJson.optionalText(request, key);
        if (value != null && value.length() > AdminResource.MAX_FILTER) {
            throw new IllegalArgumentException(key + " is too long");
        }
        return value;
    }

    private static int window(JsonObject request) {
        int window = nonNegative(request, "window");
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be from 1 to " + MAX_WINDOW);
        }
        return window;
    }

    private static int windowOf(int offset, int limit) {
        long window = (long) offset + limit;
        if (window > MAX_WINDOW) {
            throw new IllegalArgumentException("offset+limit beyond " + MAX_WINDOW + " across the cluster: narrow the filters");
        }
        return (int) window;
    }

    private static void addFilter(JsonObjectBuilder request, String key, String value) {
        if (value != null) {
            request.add(key, value);
        }
    }

    private static int nonNegative(JsonObject json, String key) {
        if (json.get(key) instanceof JsonNumber number && number.isIntegral() && number.longValue() >= 0
                && number.longValue() <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        throw new IllegalArgumentException(key + " must be a whole number from 0");
    }
}
