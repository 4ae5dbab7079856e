/**
 * Customer input checked before anything is looked up, stored or mailed, each failure naming its field: zone names
 * (IDNA A-labels, RFC 5891; sizes and LDH, RFC 1035 §2.3.4), primaries as IP literals, never host names, TSIG keys
 * (RFC 8945; a key name is part of every MAC, so it is never renamed), the SOA RNAME as a mail address (RFC 1035 §8),
 * and the address policy that refuses special-purpose space (RFC 6890 registries, our own prefixes) as a packet target.
 *
 * <p>Uses nothing else of NS-Global. Used by every other dashboard package.
 */
package net.nsglobal.control.validate;
