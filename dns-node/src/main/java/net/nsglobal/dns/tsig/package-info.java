/**
 * TSIG (RFC 8945): one shared secret ({@link net.nsglobal.dns.config.TsigKey}; hmac-sha256/384/512 and hmac-sha1,
 * hmac-md5 refused per §6), the node's keyring that verifies signed requests (§5.2), and the control plane's key
 * file, re-read when its stat changes, all or nothing, secrets never logged.
 *
 * <p>Uses {@code config} (the {@code tsig-keys:} entries and algorithms). Used by everything that signs or checks a
 * message: {@code xfrout}, {@code notify}, {@code secondary}, {@code catalog} and {@code replication}.
 */
package net.nsglobal.dns.tsig;
