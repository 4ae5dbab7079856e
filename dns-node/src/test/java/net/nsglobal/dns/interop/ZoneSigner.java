package net.nsglobal.dns.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Signs a zone file with BIND's dnssec-keygen and dnssec-signzone (ECDSA P-256, RFC 6605), with a fixed inception
 * and expiration so the signatures stay valid for the life of the test and the zone shape is stable.
 */
public final class ZoneSigner {
    /** Unsigned; NSEC; NSEC3 with opt-out (RFC 5155 §6); NSEC3 over every name. */
    public enum Denial { NONE, NSEC, NSEC3_OPT_OUT, NSEC3 }

    static final String INCEPTION = "20260101000000";
    static final String EXPIRATION = "20361231000000";

    private ZoneSigner() { }

    /** Writes {@code <dir>/<origin>zone} (signed per {@code denial}) and returns its path. */
    public static Path write(Path dir, String origin, String text, Denial denial) throws IOException, InterruptedException {
        Path unsigned = dir.resolve(origin + "unsigned");
        Files.writeString(unsigned, text);
        Path out = dir.resolve(origin + "zone");
        if (denial == Denial.NONE) {
            Files.copy(unsigned, out);
            return out;
        }
        Path keygen = ExternalTool.require("dnssec-keygen", "bind9 (dnssec-keygen)");
        Path signzone = ExternalTool.require("dnssec-signzone", "bind9 (dnssec-signzone)");
        Path keys = Files.createDirectories(dir.resolve("keys-" + origin));
        ExternalTool.run(keys, List.of(keygen.toString(), "-q", "-K", ".", "-a", "ECDSAP256SHA256", "-n", "ZONE", origin));
        ExternalTool.run(keys, List.of(keygen.toString(), "-q", "-K", ".", "-a", "ECDSAP256SHA256", "-f", "KSK",
                "-n", "ZONE", origin));
        List<String> cmd = new ArrayList<>(List.of(signzone.toString(), "-q", "-K", keys.toString(), "-S",
                "-o", origin, "-s", INCEPTION, "-e", EXPIRATION, "-f", out.toString()));
        if (denial == Denial.NSEC3_OPT_OUT || denial == Denial.NSEC3) {
            // 0 extra iterations per RFC 9276; with opt-out (RFC 5155 §6) unsigned delegations get no NSEC3.
            cmd.addAll(List.of("-3", "c0ffee", "-H", "0"));
            if (denial == Denial.NSEC3_OPT_OUT) cmd.add("-A");
        }
        cmd.add(unsigned.toString());
        ExternalTool.run(dir, cmd);
        return out;
    }

    /**
     * The zone's key-signing key as a {@code trust-anchors} entry for BIND's delv ({@code "origin" static-key 257 3
     * 13 "…";}), read from the key files {@link #write} generated in {@code dir}.
     */
    static String trustAnchor(Path dir, String origin) throws IOException {
        try (var files = Files.list(dir.resolve("keys-" + origin))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".key"))::iterator) {
                for (String line : Files.readAllLines(f)) {
                    String[] w = line.trim().split("\\s+");
                    if (line.startsWith(";") || w.length < 7 || !w[2].equals("DNSKEY") || !w[3].equals("257")) continue;
                    String key = String.join("", java.util.Arrays.copyOfRange(w, 6, w.length));
                    return "\"" + origin + "\" static-key 257 " + w[4] + " " + w[5] + " \"" + key + "\";";
                }
            }
        }
        throw new IOException("no key-signing key for " + origin + " in " + dir);
    }

    /** Owner names of the NSEC3 records in a signed zone file (none for NSEC or unsigned zones). */
    static List<String> nsec3Owners(Path zoneFile, String origin) throws IOException {
        List<String> owners = new ArrayList<>();
        try (Master master = new Master(zoneFile.toString(), Name.fromString(origin))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                if (r.getType() == Type.NSEC3) owners.add(r.getName().toString());
            }
        }
        return owners;
    }
}
