package net.nsglobal.dns.query;

/** The transport a query arrived on; decides truncation (RFC 1035 §4.2.1) and which opcodes/qtypes are allowed. */
public enum Transport {
    UDP, TCP;

    public String label() {
        return this == UDP ? "udp" : "tcp";
    }
}
