package io.tokensockjs.tracing;

/** One span the library started: made current for the synchronous part of the work, ended with its outcome. */
public interface TraceSpan {

    /** What nothing is traced with: every method does nothing. */
    TraceSpan NONE = new TraceSpan() {
        @Override
        public Scope makeCurrent() {
            return Scope.NONE;
        }

        @Override
        public void end(String outcome, boolean failed) {
        }
    };

    /** While open, spans the application starts on this thread are children of this one. */
    interface Scope extends AutoCloseable {
        Scope NONE = () -> {
        };

        @Override
        void close();
    }

    Scope makeCurrent();

    /**
     * Ends the span.
     *
     * @param outcome the attribute {@code tokensockjs.outcome} ({@code ok}, {@code error}, {@code timeout}, ...)
     * @param failed  whether the span's status is ERROR
     */
    void end(String outcome, boolean failed);
}
