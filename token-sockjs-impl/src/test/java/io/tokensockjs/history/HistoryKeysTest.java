package io.tokensockjs.history;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.util.JedisClusterCRC16;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key names of a channel's history, checked with the slot function of the Redis Cluster client. */
class HistoryKeysTest {

    @Test
    void plainDeliveryKeepsTheHistoricalNames() {
        assertEquals(new HistoryKeys("token-sockjs:history:{room}", "token-sockjs:history:{room}:meta"),
                HistoryKeys.of("room", Delivery.PLAIN));
        assertEquals("token-sockjs:history:{a}b}", HistoryKeys.of("a}b", Delivery.PLAIN).stream(),
                "one server has no slots: any channel name keeps history");
    }

    @Test
    void shardedKeysLieInTheChannelsSlotWhateverItsBraces() {
        for (String channel : List.of("room", "room-17", "{room}", "{room}.chat", "user.{42}", "a{{b}", "a{b", "{",
                "a{b}c{d}", "éè-☃", "x:meta")) {
            HistoryKeys keys = HistoryKeys.of(channel, Delivery.SHARDED);
            int slot = JedisClusterCRC16.getSlot(channel);
            assertEquals(slot, JedisClusterCRC16.getSlot(keys.stream()), "stream of " + channel);
            assertEquals(slot, JedisClusterCRC16.getSlot(keys.meta()), "meta of " + channel);
            assertTrue(keys.stream().startsWith(HistoryKeys.PREFIX), keys.stream());
        }
        assertEquals("token-sockjs:history:{room}", HistoryKeys.of("room", Delivery.SHARDED).stream(),
                "a channel without braces keeps the name it has on one server");
    }

    @Test
    void channelsSharingAHashTagKeepApartKeys() {
        HistoryKeys tag = HistoryKeys.of("{room}", Delivery.SHARDED);
        HistoryKeys chat = HistoryKeys.of("{room}.chat", Delivery.SHARDED);
        HistoryKeys bare = HistoryKeys.of("room", Delivery.SHARDED);
        assertNotEquals(tag.stream(), chat.stream());
        assertNotEquals(tag.stream(), bare.stream());
        assertNotEquals(chat.stream(), bare.stream());
        assertEquals(JedisClusterCRC16.getSlot(tag.stream()), JedisClusterCRC16.getSlot(chat.stream()));
    }

    @Test
    void aChannelNoKeyCanShareASlotWithIsRefusedByName() {
        for (String channel : List.of("a}b", "}{", "a{}b", "{}", "")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> HistoryKeys.of(channel, Delivery.SHARDED), channel);
            assertTrue(refused.getMessage().contains("Redis Cluster"), refused.getMessage());
        }
    }
}
