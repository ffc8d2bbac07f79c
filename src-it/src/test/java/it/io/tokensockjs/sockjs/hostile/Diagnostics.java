package it.io.tokensockjs.sockjs.hostile;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code GET /it/diagnostics} of the test application reports: heap after a full GC, live threads, threads
 * inside the SockJS server right now, and live sessions per service.
 */
record Diagnostics(long heapUsedAfterGc, long heapMax, int threads, List<String> threadsInSockJs,
        Map<String, Integer> sessions) {

    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SESSION_COUNT = Pattern.compile("\"([^\"]+)\":(\\d+)");

    static Diagnostics fetch() {
        HttpResponse<String> response = ItServer.get("/diagnostics");
        if (response.statusCode() != 200) {
            throw new AssertionError("diagnostics answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    /** Parses the flat JSON the servlet writes (no JSON library on the test class path). */
    static Diagnostics parse(String json) {
        List<String> busy = new ArrayList<>();
        Matcher strings = STRING.matcher(section(json, "\"threadsInSockJs\":[", ']'));
        while (strings.find()) {
            busy.add(strings.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        Map<String, Integer> sessions = new LinkedHashMap<>();
        Matcher counts = SESSION_COUNT.matcher(section(json, "\"sessions\":{", '}'));
        while (counts.find()) {
            sessions.put(counts.group(1), Integer.parseInt(counts.group(2)));
        }
        return new Diagnostics(number(json, "heapUsedAfterGc"), number(json, "heapMax"), (int) number(json, "threads"),
                List.copyOf(busy), Map.copyOf(sessions));
    }

    int sessions(String service) {
        Integer count = sessions.get(service);
        if (count == null) {
            throw new AssertionError("no service " + service + " in " + sessions);
        }
        return count;
    }

    int totalSessions() {
        return sessions.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
        return String.format("heap after GC %.1f MiB, %d threads, %d in SockJS code, sessions %s",
                heapUsedAfterGc / 1048576.0, threads, threadsInSockJs.size(), sessions);
    }

    private static long number(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String section(String json, String opening, char closing) {
        int start = json.indexOf(opening);
        if (start < 0) {
            throw new AssertionError("no " + opening + " in " + json);
        }
        start += opening.length();
        int end = json.indexOf(closing, start);
        return json.substring(start, end < 0 ? json.length() : end);
    }
}
