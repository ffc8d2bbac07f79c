package it.io.tokensockjs.runtime;

/**
 * The application server the integration tests run against, from the {@code it.runtime} system property the
 * build sets: src-it runs them on Open Liberty, payara-it runs the same classes on Payara Micro. Tests ask it
 * only where a runtime does something the application cannot change; such a test names the runtime and the reason.
 */
public enum ServerRuntime {

    LIBERTY("Open Liberty"),
    PAYARA("Payara Micro");

    private final String displayName;

    ServerRuntime(String displayName) {
        this.displayName = displayName;
    }

    /** The runtime of this test run; Liberty when the property is missing (a run from the IDE against src-it's server). */
    public static ServerRuntime current() {
        String name = System.getProperty("it.runtime", "liberty");
        return switch (name) {
            case "liberty" -> LIBERTY;
            case "payara" -> PAYARA;
            default -> throw new IllegalStateException("it.runtime must be liberty or payara, not " + name);
        };
    }

    public static boolean is(ServerRuntime runtime) {
        return current() == runtime;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
