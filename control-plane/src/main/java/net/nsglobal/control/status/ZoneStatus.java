package net.nsglobal.control.status;

import java.time.Instant;
import java.util.List;

/**
 * What the status page and {@code GET /api/v1/zones/{domain}} show. Only non-sensitive facts: no mailbox, no TSIG, and
 * primaries by number rather than by address. {@code checkedAt} is when the servers were asked (null while the first
 * check is still running); pages show the result's age.
 */
public record ZoneStatus(String domain, boolean served, Instant since, List<ServerSerial> primaries,
                         ServerSerial collector, List<ServerSerial> sites, Instant lastTransferAt, String lastError,
                         String lastErrorFix, Delegation delegation, boolean inSync, Instant checkedAt) {

    /** One server's view: serial when it answers authoritatively, otherwise {@code problem}. */
    public record ServerSerial(String name, Long serial, String problem) {}

    /**
     * Whether the delegation lists our name servers; {@code atParent} false means no parent server could be asked
     * (lab TLDs) and the zone's own NS set was compared instead.
     */
    public record Delegation(List<String> ours, List<String> listed, List<String> missing, boolean checked,
                             boolean atParent) {
        public boolean complete() { return checked && missing.isEmpty() && !ours.isEmpty(); }
    }
}
