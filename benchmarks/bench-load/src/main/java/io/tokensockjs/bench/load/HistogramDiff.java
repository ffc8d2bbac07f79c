package io.tokensockjs.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Bench histodiff BEFORE AFTER N}: what N idle sockets add to a server's live heap, per socket, class by class
 * and by owner, from two {@code jcmd <pid> GC.class_histogram} outputs of the same server (with none held, then
 * with N). A class histogram names classes, not holders: a {@code byte[]} or a {@code HashMap} counts under
 * {@link Owner#JDK} whoever keeps it (a heap dump says who).
 */
final class HistogramDiff {

    /** Whose classes they are, by package. */
    enum Owner {
        TOKEN_SOCKJS("token-sockjs", "io.tokensockjs."),
        JSON("JSON-P/JSON-B (values token-sockjs makes)", "org.eclipse.parsson.", "org.eclipse.yasson."),
        WEBSOCKET("websocket container (Liberty wsoc, Tyrus)", "com.ibm.ws.wsoc.", "io.openliberty.wsoc.",
                "com.ibm.websphere.wsoc.", "org.glassfish.tyrus.", "jakarta.websocket."),
        HTTP("HTTP and channel layer (Liberty channels, web container, session; Grizzly, Payara web)",
                "com.ibm.ws.http.", "com.ibm.wsspi.http.", "com.ibm.ws.tcpchannel.", "com.ibm.ws.bytebuffer.",
                "com.ibm.wsspi.bytebuffer.", "com.ibm.ws.channelfw.", "com.ibm.wsspi.channelfw.",
                "com.ibm.ws.genericbnf.", "com.ibm.wsspi.genericbnf.", "com.ibm.ws.webcontainer.",
                "com.ibm.wsspi.webcontainer.", "com.ibm.ws.session.", "com.ibm.wsspi.session.",
                "io.openliberty.http.", "org.glassfish.grizzly.", "com.sun.enterprise.web.", "org.apache.catalina.",
                "org.glassfish.web.", "org.apache.coyote."),
        CDI("CDI (Weld)", "org.jboss.weld."),
        JDK("JDK classes (held by any of the above)", "java.", "javax.", "jdk.", "sun.", "com.sun."),
        OTHER("other");

        final String label;
        final String[] prefixes;

        Owner(String label, String... prefixes) {
            this.label = label;
            this.prefixes = prefixes;
        }

        /** A class by its histogram name: {@code [B}, {@code [Ljava.lang.Object;}, {@code java.lang.String}. */
        static Owner of(String className) {
            String element = className.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
            if (element.length() == 1) {
                return JDK; // a primitive array: [B, [C, [I...
            }
            for (Owner owner : values()) {
                for (String prefix : owner.prefixes) {
                    if (element.startsWith(prefix)) {
                        return owner;
                    }
                }
            }
            return OTHER;
        }
    }

    /** {@code   1:        322238       59560944  [B (java.base@17.0.15)} */
    private static final Pattern LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    private record Count(long instances, long bytes) {
        Count plus(Count other) {
            return new Count(instances + other.instances, bytes + other.bytes);
        }
    }

    private HistogramDiff() {
    }

    static String of(List<String> args) throws IOException {
        if (args.size() != 3) {
            throw new IllegalArgumentException("histodiff BEFORE AFTER SOCKETS");
        }
        Map<String, Count> before = read(Path.of(args.get(0)));
        Map<String, Count> after = read(Path.of(args.get(1)));
        double sockets = Long.parseLong(args.get(2));
        if (sockets <= 0) {
            throw new IllegalArgumentException("no sockets held");
        }

        Map<String, Count> added = new TreeMap<>();
        for (String name : union(before, after)) {
            Count b = before.getOrDefault(name, new Count(0, 0));
            Count a = after.getOrDefault(name, new Count(0, 0));
            added.put(name, new Count(a.instances - b.instances, a.bytes - b.bytes));
        }
        Map<Owner, Count> byOwner = new LinkedHashMap<>();
        for (Owner owner : Owner.values()) {
            byOwner.put(owner, new Count(0, 0));
        }
        added.forEach((name, count) -> byOwner.merge(Owner.of(name), count, Count::plus));
        long total = added.values().stream().mapToLong(Count::bytes).sum();

        StringBuilder out = new StringBuilder();
        out.append(String.format("# histodiff %s %s %d%n", args.get(0), args.get(1), (long) sockets));
        out.append(String.format("live heap added per socket: %,.0f B (histogram totals)%n%n", total / sockets));
        out.append("by owner of the class (B per socket, objects per socket):\n");
        byOwner.forEach((owner, count) -> out.append(String.format("  %8.0f  %7.1f  %s%n",
                count.bytes / sockets, count.instances / sockets, owner.label)));
        out.append("\nclass by class, every class adding at least 4 B or 0.5 object per socket"
                + " (B per socket, objects per socket, owner):\n");
        List<Map.Entry<String, Count>> rows = new ArrayList<>(added.entrySet());
        rows.sort(Comparator.comparingLong((Map.Entry<String, Count> e) -> -Math.abs(e.getValue().bytes)));
        for (Map.Entry<String, Count> row : rows) {
            Count count = row.getValue();
            if (Math.abs(count.bytes / sockets) >= 4 || Math.abs(count.instances / sockets) >= 0.5) {
                out.append(String.format("  %8.1f  %7.2f  %-10s %s%n", count.bytes / sockets,
                        count.instances / sockets, Owner.of(row.getKey()).name(), row.getKey()));
            }
        }
        return out.toString();
    }

    private static List<String> union(Map<String, Count> a, Map<String, Count> b) {
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(name -> !a.containsKey(name)).forEach(names::add);
        return names;
    }

    /** Classes of the same name in several class loaders are summed. */
    private static Map<String, Count> read(Path histogram) throws IOException {
        Map<String, Count> counts = new TreeMap<>();
        for (String line : Files.readAllLines(histogram)) {
            Matcher m = LINE.matcher(line);
            if (m.find()) {
                counts.merge(m.group(3), new Count(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
                        Count::plus);
            }
        }
        return counts;
    }
}
