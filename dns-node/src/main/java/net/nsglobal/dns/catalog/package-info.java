/**
 * Catalog zones (RFC 9432, version 2): parsing a catalog into members with their unique ids (§4.3), primaries from
 * {@code ext} properties (§4.5), {@code coo} (§4.4.1) and {@code group} (§4.4.2); a consumer that adds and removes
 * secondary zones as catalog versions arrive (§5), with one owner per member across catalogs (§5.2, §5.5); and the
 * fleet catalog the collector builds and republishes for its edges. {@link net.nsglobal.dns.catalog.CatalogOwners}
 * decides which catalog owns a member (take/drop values); {@link net.nsglobal.dns.catalog.CatalogConsumer} performs
 * those decisions; {@link net.nsglobal.dns.catalog.Catalogs} wires the consumers and the fleet publisher of a node.
 *
 * <p>Uses {@code xfrin} (zone specs), {@code persist} (the stored fleet catalog), {@code config}, {@code tsig} and
 * {@code zone}. Used by {@code replication}, which composes it with the other concerns. The dashboard writes the customers' catalog in the format parsed
 * here (its {@code primaries-port} extension included) without calling this package.
 */
package net.nsglobal.dns.catalog;
