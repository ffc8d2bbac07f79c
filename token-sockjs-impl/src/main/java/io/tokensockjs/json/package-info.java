/**
 * Shared JSON infrastructure: the JSON-P provider looked up once ({@link io.tokensockjs.json.Jsonp}) and the JSON-B
 * binding that hostile numbers cannot abuse ({@link io.tokensockjs.json.SafeJsonb}).
 *
 * <p>May import: {@code sockjs.frame} (its JSON string quoting). Used by every layer of the token side.
 */
package io.tokensockjs.json;
