/**
 * The RIPE Atlas REST API v2 client (OkHttp and Jackson): probes, measurements, results, credits. 429 and 5xx are
 * retried with jittered back-off, a {@code Retry-After} (RFC 9110 §10.2.3) honoured as given within the configured
 * deadline, but a measurement-creating POST only when the API says it did not process it, since creating spends
 * credits (when the outcome is unknown the error says how to check); API refusals carry the API's own
 * words and field pointers (RFC 6901), and the API key never reaches a log or an exception message. Results are
 * streamed to a callback, never held whole.
 *
 * <p>Uses {@code model}, {@code probes} and {@code results}. Used by {@code backend} and {@code cli}.
 */
package net.nsglobal.atlas.api;
