package io.tokensockjs.bench.load;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code Bench jfr <recording.jfr>}: where a server spent its CPU, from the execution samples of a JFR recording
 * (start one with {@code jcmd <pid> JFR.start settings=profile duration=15s filename=rpc.jfr} while a scenario
 * runs). Three views: each sample charged to the layer of its innermost frame outside the JDK (whose work it
 * was: a String copy made by our code is ours, a select() made by Liberty's TCP channel is Liberty's), the
 * methods of token-sockjs with the share of samples they were on the stack for (what our code costs, callees
 * included), and the hottest methods by self time.
 */
final class JfrSummary {

    /** Package prefixes to layer names, first match wins. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("io.tokensockjs.sockjs.", "token-sockjs: SockJS server");
        LAYERS.put("io.tokensockjs.", "token-sockjs: tokens, RPC, pub/sub");
        LAYERS.put("org.eclipse.parsson.", "JSON-P (Parsson)");
        LAYERS.put("org.eclipse.yasson.", "JSON-B (Yasson)");
        LAYERS.put("org.jboss.weld.", "CDI (Weld)");
        LAYERS.put("org.jboss.resteasy.", "JAX-RS (RESTEasy)");
        LAYERS.put("redis.clients.", "Redis client (Jedis)");
        LAYERS.put("com.ibm.ws.wsoc.", "Liberty WebSocket");
        LAYERS.put("com.ibm.ws.tcpchannel.", "Liberty TCP channel");
        LAYERS.put("com.ibm.ws.http.", "Liberty HTTP channel");
        LAYERS.put("com.ibm.ws.webcontainer", "Liberty web container");
        LAYERS.put("com.ibm.ws.bytebuffer.", "Liberty byte buffers");
        LAYERS.put("com.ibm.ws.threading.", "Liberty executor");
        LAYERS.put("com.ibm.", "Liberty, other");
        // Payara: the managed executors' context capture (a ServiceLoader lookup per task) apart from the rest.
        LAYERS.put("org.glassfish.concurrent.", "Payara concurrency (context capture)");
        LAYERS.put("org.glassfish.enterprise.concurrent.", "Payara concurrency (context capture)");
        LAYERS.put("org.glassfish.web.loader.", "Payara class loaders (resource lookups)");
        LAYERS.put("com.sun.enterprise.v3.server.", "Payara class loaders (resource lookups)");
        LAYERS.put("org.glassfish.tyrus.", "Payara WebSocket (Tyrus)");
        LAYERS.put("org.glassfish.grizzly.", "Payara network (Grizzly)");
        LAYERS.put("org.apache.catalina.", "Payara web container");
        LAYERS.put("org.glassfish.", "Payara, other");
        LAYERS.put("fish.payara.", "Payara, other");
        LAYERS.put("org.jvnet.hk2.", "Payara, other");
        LAYERS.put("sun.nio.", "JDK NIO and system calls");
        LAYERS.put("java.nio.", "JDK NIO and system calls");
        LAYERS.put("java.util.concurrent.", "JDK concurrency (queues, locks)");
        LAYERS.put("java.lang.String", "JDK strings");
        LAYERS.put("java.lang.AbstractStringBuilder", "JDK strings");
        LAYERS.put("java.", "JDK, other");
        LAYERS.put("jdk.", "JDK, other");
    }

    private JfrSummary() {
    }

    static String of(Path recording) throws IOException {
        List<RecordedEvent> samples = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
                .filter(event -> event.getStackTrace() != null && !event.getStackTrace().getFrames().isEmpty())
                .toList();
        Map<String, Integer> layers = new TreeMap<>();
        Map<String, Integer> ours = new TreeMap<>();
        Map<String, Integer> self = new TreeMap<>();
        for (RecordedEvent sample : samples) {
            List<RecordedFrame> frames = sample.getStackTrace().getFrames();
            String innermost = name(frames.get(0).getMethod());
            String owner = frames.stream().map(frame -> name(frame.getMethod())).filter(method -> !isJdk(method))
                    .findFirst().orElse(innermost);
            layers.merge(layer(owner), 1, Integer::sum);
            self.merge(innermost, 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (method.startsWith("io.tokensockjs.") && seen.add(method)) {
                    ours.merge(method, 1, Integer::sum);
                }
            }
        }
        int total = samples.size();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d execution samples in %s%n", total, recording.getFileName()));
        section(out, "CPU by layer (innermost frame outside the JDK)", layers, total, 30);
        section(out, "token-sockjs methods on the stack (inclusive)", ours, total, 25);
        section(out, "hottest methods (self)", self, total, 25);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, Map<String, Integer> counts, int total, int limit) {
        out.append(String.format(Locale.ROOT, "%n%s%n", title));
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * entry.getValue() / total, entry.getKey())));
    }

    private static boolean isJdk(String method) {
        return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.");
    }

    private static String layer(String method) {
        return LAYERS.entrySet().stream().filter(entry -> method.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("other");
    }

    /** Type and method; a lambda's generated class name loses its address, so runs compare. */
    private static String name(RecordedMethod method) {
        if (method == null) {
            return "?";
        }
        String type = method.getType().getName();
        int lambda = type.indexOf("$$Lambda");
        return (lambda < 0 ? type : type.substring(0, lambda) + "$$Lambda") + "." + method.getName();
    }
}
