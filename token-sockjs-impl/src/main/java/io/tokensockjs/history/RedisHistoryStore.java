package io.tokensockjs.history;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * History in Redis, shared by every server: per channel a Stream {@code token-sockjs:history:{C}} whose entry ids are
 * the offsets ({@code <offset>-0}, each entry holding the message and its time) and a hash
 * {@code token-sockjs:history:{C}:meta} with the epoch and the last offset.
 *
 * <p>Publishing is one Lua script: it takes the next offset, adds the entry ({@code XADD ... MAXLEN ~ size}), drops
 * entries older than the ttl ({@code XTRIM ... MINID}, found by a binary search over the offsets) and {@code PUBLISH}es the envelope. Redis runs a script alone,
 * so the offsets of a channel are published in order whichever server published them, and a reader of the history
 * sees exactly the messages whose envelopes went out before it. A missing hash (a Redis restart without persistence,
 * a history left silent for the retention) starts a new epoch, and the stream with it, at offset 1.
 *
 * <p>On a Redis Cluster (sharded pub/sub, {@link Delivery#SHARDED}) the script {@code SPUBLISH}es instead, and the two
 * keys are named to lie in the channel's own slot ({@link HistoryKeys}), which Redis requires of a script that
 * publishes on a shard channel; a channel whose name makes that impossible is refused.
 */
public final class RedisHistoryStore implements HistoryStore {

    /** Shared by both scripts: the clock, the epoch (made when missing) and the trimming by age. */
    private static final String FUNCTIONS = """
            local function now_ms()
              local t = redis.call('TIME')
              return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end
            local function epoch_of(stream, meta, candidate, retention)
              local epoch = redis.call('HGET', meta, 'epoch')
              if not epoch then
                epoch = candidate
                redis.call('DEL', stream)
                redis.call('HSET', meta, 'epoch', epoch, 'top', 0)
                redis.call('PEXPIRE', meta, retention)
              end
              return epoch
            end
            local function offset_of(id)
              return tonumber(string.match(id, '^(%d+)'))
            end
            -- The stream holds contiguous offsets (added in order, trimmed only at the head) and their times grow with
            -- them: a binary search finds the first fresh entry in a few single-entry reads, whatever the backlog.
            local function expire_old(stream, ttl, now)
              if ttl <= 0 then return end
              local cutoff = now - ttl
              local head = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)
              if #head == 0 or tonumber(head[1][2][4]) >= cutoff then return end
              local tail = redis.call('XREVRANGE', stream, '+', '-', 'COUNT', 1)
              if tonumber(tail[1][2][4]) < cutoff then
                redis.call('DEL', stream)
                return
              end
              local old, fresh = offset_of(head[1][1]), offset_of(tail[1][1])
              while fresh - old > 1 do
                local middle = math.floor((old + fresh) / 2)
                local entry = redis.call('XRANGE', stream, string.format('%d-0', middle), '+', 'COUNT', 1)[1]
                if entry == nil then break end
                if tonumber(entry[2][4]) < cutoff then
                  old = offset_of(entry[1])
                else
                  -- Every entry from here on is fresh (none lies between the middle and this one).
                  fresh = middle
                end
              end
              redis.call('XTRIM', stream, 'MINID', string.format('%d-0', fresh))
            end
            """;

    /**
     * KEYS: stream, meta. ARGV: channel, json, epoch candidate, size, ttl ms (0: none), retention ms, the publishing
     * command ({@code PUBLISH} or {@code SPUBLISH}, see {@link Delivery}).
     */
    private static final String PUBLISH = FUNCTIONS + """
            local epoch = epoch_of(KEYS[1], KEYS[2], ARGV[3], ARGV[6])
            local offset = redis.call('HINCRBY', KEYS[2], 'top', 1)
            local now = now_ms()
            redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[4], string.format('%d-0', offset), 'd', ARGV[2], 't', now)
            expire_old(KEYS[1], tonumber(ARGV[5]), now)
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            redis.call('PEXPIRE', KEYS[2], ARGV[6])
            redis.call(ARGV[7], ARGV[1], '#' .. epoch .. ' ' .. string.format('%d', offset) .. ' ' .. ARGV[2])
            return offset
            """;

    /**
     * KEYS: stream, meta. ARGV: after (negative: the latest), limit, epoch candidate, ttl ms, retention ms. Answers
     * epoch, top, the first kept id ('' when none), then id and message of each entry read.
     */
    private static final String READ = FUNCTIONS + """
            local epoch = epoch_of(KEYS[1], KEYS[2], ARGV[3], ARGV[5])
            expire_old(KEYS[1], tonumber(ARGV[4]), now_ms())
            local top = redis.call('HGET', KEYS[2], 'top')
            local after = tonumber(ARGV[1])
            local limit = tonumber(ARGV[2])
            local first = redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', 1)
            local out = {epoch, top, first[1] and first[1][1] or ''}
            if limit > 0 then
              local entries
              if after < 0 then
                entries = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', limit)
              else
                entries = redis.call('XRANGE', KEYS[1], string.format('(%d-0', after), '+', 'COUNT', limit)
              end
              for _, entry in ipairs(entries) do
                out[#out + 1] = entry[1]
                out[#out + 1] = entry[2][2]
              end
            end
            return out
            """;

    /** The pooled client, asked for at each use: it cannot be made while no Sentinel or Cluster node answers. */
    private final Supplier<UnifiedJedis> redis;
    private final Duration retention;
    private final Delivery delivery;

    /** A store for plain pub/sub (one Redis server or a Sentinel-managed primary). */
    public RedisHistoryStore(UnifiedJedis redis, Duration retention) {
        this(redis, retention, Delivery.PLAIN);
    }

    /**
     * @param redis     the pooled client, shared; the store does not close it
     * @param retention how long a silent channel's history (its epoch and offsets) is kept
     * @param delivery  how the broker in use receives channels, and so how the script publishes
     */
    public RedisHistoryStore(UnifiedJedis redis, Duration retention, Delivery delivery) {
        this(() -> redis, retention, delivery);
    }

    /**
     * @param redis the pooled client, made when first asked for; it throws {@link IllegalStateException} while it
     *              cannot be made (no Cluster node answers yet), and the store's operations fail with it then
     */
    public RedisHistoryStore(Supplier<UnifiedJedis> redis, Duration retention, Delivery delivery) {
        this.redis = redis;
        this.retention = retention;
        this.delivery = delivery;
    }

    /** The key of a channel's stream with plain pub/sub. */
    public static String streamKey(String channel) {
        return HistoryKeys.of(channel, Delivery.PLAIN).stream();
    }

    static String metaKey(String channel) {
        return HistoryKeys.of(channel, Delivery.PLAIN).meta();
    }

    /** The keys of a channel with this store's delivery; a channel that cannot keep history here is refused. */
    private List<String> keys(String channel) {
        try {
            HistoryKeys keys = HistoryKeys.of(channel, delivery);
            return List.of(keys.stream(), keys.meta());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void publish(String channel, HistoryRule rule, String json) {
        try {
            redis.get().eval(PUBLISH, keys(channel), List.of(channel, json, Epochs.next(), Integer.toString(rule.size()),
                    Long.toString(rule.ttlMillis()), Long.toString(retention.toMillis()), delivery.command()));
        } catch (JedisException e) {
            throw new IllegalStateException("Redis did not take a message on " + channel + ": " + e.getMessage(), e);
        }
    }

    @Override
    public HistoryPage read(String channel, HistoryRule rule, long after, int limit) {
        Object answer;
        try {
            answer = redis.get().eval(READ, keys(channel), List.of(Long.toString(after),
                    Integer.toString(limit), Epochs.next(), Long.toString(rule.ttlMillis()), Long.toString(retention.toMillis())));
        } catch (JedisException e) {
            throw new IllegalStateException("Redis did not answer a history read of " + channel + ": " + e.getMessage(), e);
        }
        List<?> values = (List<?>) answer;
        String epoch = text(values.get(0));
        long top = Long.parseLong(text(values.get(1)));
        String firstId = text(values.get(2));
        long first = firstId.isEmpty() ? top + 1 : offsetOf(firstId);
        List<HistoryEntry> entries = new ArrayList<>((values.size() - 3) / 2);
        for (int i = 3; i + 1 < values.size(); i += 2) {
            entries.add(new HistoryEntry(offsetOf(text(values.get(i))), text(values.get(i + 1))));
        }
        if (after < 0) {
            java.util.Collections.reverse(entries);
        }
        boolean lost = after >= 0 && after < top && first > after + 1;
        return new HistoryPage(epoch, top, entries, lost);
    }

    private static long offsetOf(String id) {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    @Override
    public String describe() {
        return delivery == Delivery.SHARDED ? "Redis Streams (in each channel's slot, SPUBLISH)" : "Redis Streams";
    }
}
