package net.nsglobal.dns.config;

import java.net.InetSocketAddress;
import java.util.List;
import org.xbill.DNS.Name;

/** One {@code secondaries:} entry: a zone transferred from its primaries; {@code tsigKey} null = unsigned. */
public record SecondaryZone(Name name, List<InetSocketAddress> primaries, Name tsigKey) {}
