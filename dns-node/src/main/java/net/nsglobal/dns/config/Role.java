package net.nsglobal.dns.config;

import java.util.Locale;

/** One binary, three roles: the same build and config schema run a standalone server, the collector and the edges. */
public enum Role {
    /** Serves primary zones from files and secondary zones from customers' primaries. */
    STANDALONE,
    /** Hidden: pulls from customers' primaries, serves transfers to edges, produces the fleet catalog. */
    COLLECTOR,
    /** Anycast: pulls every zone of the fleet catalog from the collector. */
    EDGE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
