package io.tokensockjs.cluster;

/** Another server answered a cluster request with an error, or the cluster could not be reached. */
public final class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }
}
