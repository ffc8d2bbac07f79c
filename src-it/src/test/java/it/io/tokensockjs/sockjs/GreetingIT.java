package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.assertContentType;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNoCookie;
import static it.io.tokensockjs.sockjs.SockJsAssert.assertNotFound;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The base URL of a service: the greeting, and 404 for anything under it that is not SockJS. */
public class GreetingIT {

    @Test
    void greeting() {
        for (String path : List.of(Service.ECHO.path(), Service.ECHO.path() + "/")) {
            HttpReply reply = Http.get(path);
            assertEquals(200, reply.status());
            assertContentType(reply.head(), "text/plain; charset=UTF-8");
            assertEquals("Welcome to SockJS!\n", reply.body());
            assertNoCookie(reply.head());
        }
    }

    @Test
    void notFound() {
        for (String suffix : List.of("/a", "/a.html", "//", "///", "/a/a", "/a/a/", "/a", "/a/")) {
            assertNotFound(Http.get(Service.ECHO.path() + suffix));
        }
    }
}
