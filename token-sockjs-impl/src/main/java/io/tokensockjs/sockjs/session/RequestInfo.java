package io.tokensockjs.sockjs.session;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a session remembers of the last request that carried it to the client (the opening one, then each receiving
 * HTTP request), as sockjs-node does.
 *
 * @param remoteAddress the client's (or last proxy's) IP address, or null when the container did not tell it
 * @param remotePort    the client's (or last proxy's) port, or -1 when unknown
 * @param headers       the headers of {@link #KEPT_HEADERS} the request carried, names in lower case
 * @param url           the path and query of the request, still percent-encoded
 * @param protocol      the transport, named as sockjs-client names it
 */
public record RequestInfo(String remoteAddress, int remotePort, Map<String, List<String>> headers, String url, String protocol) {

    /**
     * The headers sockjs-node copies to a connection, exactly its list. Cookies and credentials are left out on
     * purpose: a connection object travels far in an application and must not leak them (see sockjs-node's
     * "Authorisation" notes).
     */
    public static final Set<String> KEPT_HEADERS = Set.of(
            "referer", "x-client-ip", "x-forwarded-for", "x-cluster-client-ip", "via", "x-real-ip",
            "x-forwarded-proto", "x-ssl", "host", "user-agent", "accept-language");

    public RequestInfo {
        headers = Map.copyOf(headers);
    }

    /** The path of {@link #url()}, without the query. */
    public String pathname() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
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
