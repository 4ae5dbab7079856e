/**
 * Measurement results as RIPE Atlas records them, read from a stream in constant memory: the API's one large JSON
 * array or newline-delimited objects, one object at a time; DNS results in either shape (single {@code result} or
 * {@code resultset}) with the raw answer ({@code abuf}) decoded for rcode, TXT and NSID, and the answering site taken
 * from NSID (RFC 5001) or the CHAOS TXT convention (RFC 4892 §2); ping results with lost packets as nulls. A malformed
 * object is counted and skipped, never an exception that ends the batch.
 *
 * <p>Uses dnsjava and Jackson, nothing else of NS-Global. Used by {@code api} (result downloads), {@code backend} and
 * {@code cli}.
 */
package net.nsglobal.atlas.results;
