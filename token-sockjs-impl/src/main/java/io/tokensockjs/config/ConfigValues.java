package io.tokensockjs.config;

import java.time.Duration;
import java.util.Locale;

/** Parses the units configuration values may carry: durations ({@code 25s}, {@code 500ms}, {@code PT1M}) and sizes ({@code 128KiB}). */
public final class ConfigValues {

    private ConfigValues() {
    }

    /**
     * A duration: a number with {@code ms}, {@code s}, {@code m} or {@code h}, an ISO-8601 duration, or a bare
     * number of milliseconds.
     */
    public static Duration duration(String key, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt") || text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1).trim()) * 1000));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1).trim()));
            }
            if (text.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(text.substring(0, text.length() - 1).trim()));
            }
            return Duration.ofMillis(Long.parseLong(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Configuration " + key + ": not a duration: " + value, e);
        }
    }

    /** A size in bytes: a bare number, or one with {@code k}/{@code KiB} or {@code m}/{@code MiB}. */
    public static int bytes(String key, String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        long factor = 1;
        if (text.endsWith("kib") || text.endsWith("kb") || text.endsWith("k")) {
            factor = 1024;
            text = text.replaceAll("(kib|kb|k)$", "");
        } else if (text.endsWith("mib") || text.endsWith("mb") || text.endsWith("m")) {
            factor = 1024 * 1024;
            text = text.replaceAll("(mib|mb|m)$", "");
        }
        try {
            long bytes = Long.parseLong(text.trim()) * factor;
            if (bytes <= 0 || bytes > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("out of range");
            }
            return (int) bytes;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Configuration " + key + ": not a size: " + value, e);
        }
    }
}
