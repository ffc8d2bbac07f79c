package io.tokensockjs.sockjs.session;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestInfoTest {

    @Test
    void keepsExactlySockjsNodesHeadersAndNeverCredentials() {
        Map<String, List<String>> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : List.of("Referer", "X-Client-IP", "X-Forwarded-For", "X-Cluster-Client-IP", "Via", "X-Real-IP",
                "X-Forwarded-Proto", "X-SSL", "Host", "User-Agent", "Accept-Language",
                "Cookie", "Authorization", "Origin", "X-Forwarded-Host", "Forwarded", "DNT", "Sec-WebSocket-Key")) {
            request.put(name, List.of("v-" + name));
        }
        Map<String, List<String>> kept = RequestInfo.keptHeaders(request::get);
        assertEquals(List.of("accept-language", "host", "referer", "user-agent", "via", "x-client-ip",
                "x-cluster-client-ip", "x-forwarded-for", "x-forwarded-proto", "x-real-ip", "x-ssl"), List.copyOf(kept.keySet()));
        assertEquals(List.of("v-X-Forwarded-For"), kept.get("x-forwarded-for"));
    }

    @Test
    void pathnameIsTheUrlWithoutItsQuery() {
        assertEquals("/echo/1/a/jsonp", new RequestInfo("::1", 1, Map.of(), "/echo/1/a/jsonp?c=cb%2F", "jsonp-polling").pathname());
        assertEquals("/echo/websocket", new RequestInfo(null, -1, Map.of(), "/echo/websocket", "rawwebsocket").pathname());
    }
}
