package net.nsglobal.dns.config;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.Name;

/** One {@code catalogs:} entry: an RFC 9432 catalog zone to consume from its primaries; {@code tsigKey} null = unsigned. */
public record CatalogSource(Name name, List<InetSocketAddress> primaries, Name tsigKey) {}
