package io.tokensockjs.auth;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * New tokens: version 4 UUIDs (122 random bits), as the original issued and {@link UUID#randomUUID()} makes, from a
 * {@code DRBG} {@link SecureRandom} of each thread's own instead of the one JDK-wide generator {@code randomUUID}
 * shares: on Linux that is {@code NativePRNG}, whose every call takes one lock for the whole JVM, and the requests
 * of a busy token route queued on it (4 % of a token's server CPU on Liberty in JFR). Each thread's generator is
 * seeded from the system's entropy on its first use; its values hold no reference to the application.
 */
final class TokenIds {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TokenIds::generator);

    private TokenIds() {
    }

    /** A new version 4 UUID, in its usual text form. */
    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        // Version 4, IETF variant: as UUID.randomUUID() sets them.
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[i + 8] & 0xff);
        }
        return new UUID(most, least).toString();
    }

    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // Every Java 9+ runtime has DRBG; a runtime without it keeps the platform's default.
            return new SecureRandom();
        }
    }
}
