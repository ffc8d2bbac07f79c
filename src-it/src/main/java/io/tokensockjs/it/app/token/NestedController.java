package io.tokensockjs.it.app.token;

import io.tokensockjs.SocketController;

/** A dotted namespace: {@code admin.users.count}. */
@SocketController("admin.users")
public class NestedController {

    public int count() {
        return 3;
    }
}
