package io.tokensockjs.history;

import java.security.SecureRandom;

/** New epoch names: random, letters and digits, so that a new life of a history never takes an old one's name. */
final class Epochs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Epochs() {
    }

    static String next() {
        return Long.toString(RANDOM.nextLong() >>> 1, 36);
    }
}
