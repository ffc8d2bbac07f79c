package io.tokensockjs.server;

import java.util.List;
import java.util.regex.Pattern;

/** Channel name patterns where {@code *} matches any text (possibly empty) and everything else matches itself. */
final class ChannelPatterns {

    private final List<Pattern> patterns;

    ChannelPatterns(List<String> globs) {
        this.patterns = globs.stream().map(ChannelPatterns::compile).toList();
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean matches(String channel) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(channel).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
