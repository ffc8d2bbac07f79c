package io.tokensockjs.sockjs.session;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a session remembers of the request that opened it.
 *
 * @param remoteAddress the client's (or last proxy's) address
 * @param headers       the useful, non-secret headers, names in lower case
 * @param url           the path and query of the request
 * @param protocol      the transport, named as sockjs-client names it
 */
public record RequestInfo(InetSocketAddress remoteAddress, Map<String, List<String>> headers, String url, String protocol) {

    /**
     * Headers an application may want (sockjs-node keeps the same set). Cookies and authorization are left out
     * on purpose: a connection object travels far in an application and must not leak credentials.
     */
    public static final Set<String> KEPT_HEADERS = Set.of(
            "host", "origin", "referer", "user-agent", "accept-language", "dnt", "via",
            "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-real-ip", "x-client-ip",
            "x-cluster-client-ip", "x-ssl", "forwarded");

    public RequestInfo {
        headers = Map.copyOf(headers);
    }

    /** Keeps the {@link #KEPT_HEADERS} of a request, read through the given lookup. */
    public static Map<String, List<String>> keptHeaders(Function<String, List<String>> lookup) {
        Map<String, List<String>> kept = new TreeMap<>();
        for (String name : KEPT_HEADERS) {
            List<String> values = lookup.apply(name);
            if (values != null && !values.isEmpty()) {
                kept.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        }
        return kept;
    }
}
