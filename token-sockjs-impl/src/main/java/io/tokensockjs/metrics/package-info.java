/**
 * The library's metrics: counters, duration histograms and scrape-time gauges in a registry of its own, bounded in
 * cardinality, rendered as Prometheus text. A registry of its own because no runtime facility exports metrics the
 * same way on Open Liberty and Payara (see the README's Operations section).
 *
 * <p>May import: {@code config}. Imported by {@code auth}, {@code pubsub}, {@code server}, {@code admin} and
 * {@code cdi}.
 */
package io.tokensockjs.metrics;
