package io.tokensockjs;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package rules of token-sockjs-impl, as written in each package's {@code package-info.java}: no cycles, and
 * every dependency pointing down. {@code package-graph.sh} beside the pom prints the graph these rules govern.
 *
 * <pre>
 *   cdi                          wiring at start-up: everything below
 *   admin                        the admin API and the dashboard
 *   server                       the token protocol's dispatcher and the TokenSocketServer
 *   cluster                      the servers sharing a Redis: ids, heartbeats, presence, the request bus
 *   pubsub        rpc            publish/subscribe; functions clients call
 *   history       auth           per-channel history; tokens
 *   protocol      redis          the wire messages; the Redis connection
 *   metrics       tracing        the library's metrics; spans for the runtime's tracing
 *   events config threads json   shared infrastructure
 *   sockjs                       the SockJS server, which knows nothing of tokens
 * </pre>
 */
@AnalyzeClasses(packages = "io.tokensockjs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.tokensockjs.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("sockjs").definedBy("io.tokensockjs.sockjs..")
            .layer("json").definedBy("io.tokensockjs.json..")
            .layer("threads").definedBy("io.tokensockjs.threads..")
            .layer("config").definedBy("io.tokensockjs.config..")
            .layer("metrics").definedBy("io.tokensockjs.metrics..")
            .layer("tracing").definedBy("io.tokensockjs.tracing..")
            .layer("events").definedBy("io.tokensockjs.events..")
            .layer("redis").definedBy("io.tokensockjs.redis..")
            .layer("protocol").definedBy("io.tokensockjs.protocol..")
            .layer("auth").definedBy("io.tokensockjs.auth..")
            .layer("rpc").definedBy("io.tokensockjs.rpc..")
            .layer("history").definedBy("io.tokensockjs.history..")
            .layer("pubsub").definedBy("io.tokensockjs.pubsub..")
            .layer("cluster").definedBy("io.tokensockjs.cluster..")
            .layer("server").definedBy("io.tokensockjs.server..")
            .layer("admin").definedBy("io.tokensockjs.admin..")
            .layer("cdi").definedBy("io.tokensockjs.cdi..")
            .whereLayer("sockjs").mayNotAccessAnyLayer()
            .whereLayer("json").mayOnlyAccessLayers("sockjs")
            .whereLayer("threads").mayNotAccessAnyLayer()
            .whereLayer("config").mayOnlyAccessLayers("sockjs")
            .whereLayer("metrics").mayOnlyAccessLayers("config")
            .whereLayer("tracing").mayNotAccessAnyLayer()
            .whereLayer("events").mayNotAccessAnyLayer()
            .whereLayer("redis").mayOnlyAccessLayers("config")
            .whereLayer("protocol").mayOnlyAccessLayers("sockjs", "json")
            .whereLayer("auth").mayOnlyAccessLayers("sockjs", "json", "threads", "config", "metrics", "tracing", "redis")
            .whereLayer("rpc").mayOnlyAccessLayers("sockjs", "json", "threads", "config", "auth")
            .whereLayer("history").mayOnlyAccessLayers("threads", "config", "redis")
            .whereLayer("pubsub").mayOnlyAccessLayers("sockjs", "json", "threads", "config", "metrics", "events", "redis",
                    "protocol", "history")
            .whereLayer("cluster").mayOnlyAccessLayers("sockjs", "json", "threads", "config", "redis", "pubsub")
            .whereLayer("server").mayOnlyAccessLayers("sockjs", "json", "threads", "config", "metrics", "tracing", "events",
                    "redis", "protocol", "auth", "rpc", "pubsub", "history", "cluster")
            .whereLayer("admin").mayOnlyAccessLayers("json", "config", "metrics", "server", "pubsub", "cluster")
            .whereLayer("cdi").mayNotBeAccessedByAnyLayer();

    /**
     * Inside the SockJS server: frames at the bottom, then the API applications implement ({@code SockJsHandler},
     * {@code SockJsConnection}, ...), the sessions, the websocket endpoints, and the servlet that routes every
     * request of a service on top.
     */
    @ArchTest
    static final ArchRule sockJsLayersPointDown = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("frame").definedBy("io.tokensockjs.sockjs.frame..")
            .layer("api").definedBy("io.tokensockjs.sockjs")
            .layer("session").definedBy("io.tokensockjs.sockjs.session..")
            .layer("websocket").definedBy("io.tokensockjs.sockjs.websocket..")
            .layer("transport").definedBy("io.tokensockjs.sockjs.transport..")
            .whereLayer("frame").mayNotAccessAnyLayer()
            .whereLayer("api").mayOnlyAccessLayers("frame")
            .whereLayer("session").mayOnlyAccessLayers("frame", "api")
            .whereLayer("websocket").mayOnlyAccessLayers("frame", "api", "session")
            .whereLayer("transport").mayOnlyAccessLayers("frame", "api", "session", "websocket");
}
