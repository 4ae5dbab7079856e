/**
 * Catalog zones (RFC 9432, version 2): parsing a catalog into members with their unique ids (§4.3), primaries from
 * {@code ext} properties (§4.5), {@code coo} (§4.4.1) and {@code group} (§4.4.2); a consumer that adds and removes
 * secondary zones as catalog versions arrive (§5), with one owner per member across catalogs (§5.2, §5.5); and the
 * fleet catalog the collector builds and republishes for its edges.
 *
 * <p>Uses {@code secondary} (zone specs), {@code tsig} and {@code zone}. Used by {@code secondary} (the replication
 * service runs consumers and the fleet publisher). The dashboard writes the customers' catalog in the format parsed
 * here (its {@code primaries-port} extension included) without calling this package.
 */
package net.nsglobal.dns.catalog;
