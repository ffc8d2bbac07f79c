package it.io.tokensockjs.payara;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What the build tells {@link PayaraMicroServers} through failsafe's system properties: the Payara Micro jar,
 * the WAR, the configuration files of the repository's {@code payara/} folder, the java binary that runs Payara
 * ({@code payara.java}; blank: this JVM's), and per server its port and optional environment file
 * ({@code payara.server.<name>.port}, {@code payara.server.<name>.env}).
 */
record PayaraSettings(List<String> servers, Path jar, Path java, Path war, String contextRoot, Path workDir,
        Path preboot, Path logging, String maxHeap) {

    static PayaraSettings fromSystemProperties() {
        String servers = System.getProperty("payara.servers", "").strip();
        return new PayaraSettings(
                servers.isEmpty() ? List.of() : Arrays.stream(servers.split(",")).map(String::strip).toList(),
                path("payara.jar"), javaBinary(), path("payara.war"), required("payara.context-root"),
                path("payara.work-dir"), path("payara.preboot"), path("payara.logging"),
                System.getProperty("payara.max-heap", "512m"));
    }

    int port(String server) {
        return Integer.parseInt(required("payara.server." + server + ".port"));
    }

    /** The server's environment file, or null when it has none. */
    Path envFile(String server) {
        String file = System.getProperty("payara.server." + server + ".env");
        return file == null || file.isBlank() ? null : Path.of(file);
    }

    /** {@code payara.java}, or the java binary of the JVM running the tests when it is blank. */
    private static Path javaBinary() {
        String java = System.getProperty("payara.java", "").strip();
        return java.isEmpty() ? Path.of(System.getProperty("java.home"), "bin", "java") : Path.of(java);
    }

    private static Path path(String property) {
        return Path.of(required(property));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " is not set: run the tests through failsafe (mvn verify)");
        }
        return value;
    }
}
