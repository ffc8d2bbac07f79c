/**
 * The implementations of the API's events and the veto logic they share: the first veto wins, decisions left for
 * later are awaited without holding a thread ({@link io.tokensockjs.events.VetoableEventSupport}).
 *
 * <p>May import: nothing of this project but the API.
 */
package io.tokensockjs.events;
