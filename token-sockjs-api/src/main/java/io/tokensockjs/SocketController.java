package io.tokensockjs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a class an application-scoped CDI bean whose public methods are RPC functions clients call by name.
 *
 * <p>A method {@code read} of a controller with namespace {@code user} is called as {@code user.read}; without a
 * namespace, as {@code read}. The namespace may itself be dotted ({@code admin.user}). A method takes, in any order:
 * at most one parameter for the request data (any type JSON-B can bind, or a {@code jakarta.json.JsonValue}),
 * optionally the calling {@link Socket}, and optionally the socket's authentication data as a parameter annotated
 * {@link AuthData}. It returns a value JSON-B can write, {@code void}, or a {@code CompletionStage} of either.
 * Throwing {@link SocketException} sends its message to the client as the error.
 *
 * <p>The deployment fails, naming the method, when two functions claim one name or a method's signature is not
 * one of the above. Methods inherited from {@code Object} and methods annotated {@link NotRpc} are not functions.
 */
@Stereotype
@ApplicationScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SocketController {

    /** The namespace of the controller's functions, empty for none. */
    String value() default "";
}
