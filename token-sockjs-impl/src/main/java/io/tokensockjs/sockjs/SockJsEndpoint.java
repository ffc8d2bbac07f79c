package io.tokensockjs.sockjs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a CDI bean implementing {@link SockJsHandler} as the handler of a plain SockJS service, installed at
 * start-up. The service is configured through MicroProfile Config under {@code token-sockjs.sockjs.<name>.}
 * (see {@code io.tokensockjs.config.SockJsConfig}); its prefix defaults to {@code /<name>}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @SockJsEndpoint("echo")
 * public class Echo implements SockJsHandler {
 *     public void onMessage(SockJsConnection connection, String message) {
 *         connection.write(message);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SockJsEndpoint {

    /** The service's name: its default prefix and its configuration key. */
    String value();
}
