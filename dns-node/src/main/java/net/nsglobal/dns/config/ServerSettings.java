package net.nsglobal.dns.config;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/** The {@code server:} section: where and how DNS and HTTP are served. See {@link Schema} for each field. */
public record ServerSettings(List<InetSocketAddress> listen, int udpWorkers, UdpIo udpIo, int tcpMaxConnections,
                             int tcpMaxConnectionsPerSource, int tcpIpv6Prefix, int tcpTransferReserved,
                             Duration tcpIdleTimeout, int tcpMaxPipelined, InetSocketAddress http,
                             Duration reloadInterval) {}
