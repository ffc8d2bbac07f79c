package io.tokensockjs.it.app.cluster;

import io.tokensockjs.Socket;
import io.tokensockjs.SocketValidator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.util.Optional;

/**
 * The test application's re-validation ({@code token-sockjs.revalidate}): a socket whose user has the role
 * {@code doomed} loses its right to stay at the next check.
 */
@ApplicationScoped
public class DoomedValidator implements SocketValidator {

    @Override
    public Optional<String> refusal(Socket socket) {
        if (socket.authData() instanceof JsonObject auth && auth.get("role") instanceof JsonString role
                && role.getString().equals("doomed")) {
            return Optional.of("Your rights were withdrawn");
        }
        return Optional.empty();
    }
}
