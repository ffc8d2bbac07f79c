package io.tokensockjs.client;

import java.security.SecureRandom;

/** The random server and session parts of SockJS session URLs, as sockjs-client makes them. */
final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CHARS = "abcdefghijklmnopqrstuvwxyz012345";

    private SessionIds() {
    }

    /** Three digits: load balancers may route on it. */
    static String server() {
        return String.format("%03d", RANDOM.nextInt(1000));
    }

    /** Eight random characters. */
    static String session() {
        StringBuilder id = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            id.append(CHARS.charAt(RANDOM.nextInt(CHARS.length())));
        }
        return id.toString();
    }
}
