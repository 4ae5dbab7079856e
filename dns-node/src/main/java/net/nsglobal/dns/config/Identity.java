package net.nsglobal.dns.config;

import net.nsglobal.dns.query.ServerIdentity;

/** The {@code identity:} section: who this node says it is (NSID, CHAOS hostname.bind/id.server, version.bind). */
public record Identity(String nsid, String hostname, String version) {
    public ServerIdentity toServerIdentity() {
        return new ServerIdentity(nsid, hostname, version);
    }
}
