package net.nsglobal.dns.zone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Loads an RFC 1035 §5 master file ($ORIGIN, $TTL, $INCLUDE, $GENERATE) with dnsjava's parser and compiles it.
 * Any error rejects the whole file with {@code zone Z: path:line: reason}; the caller keeps serving the previous
 * version of the zone, so that a typo never takes a zone off the air.
 */
public final class ZoneFileLoader {
    private ZoneFileLoader() {}

    public static Zone load(Name origin, Path file) throws ZoneException {
        if (!origin.isAbsolute()) {
            try {
                origin = Name.concatenate(origin, Name.root);
            } catch (org.xbill.DNS.NameTooLongException e) {
                throw new ZoneException("zone " + origin + ": name too long");
            }
        }
        if (!Files.isReadable(file)) {
            throw new ZoneException("zone " + origin + ": " + file + ":0: cannot read the zone file");
        }
        // Each record goes into the zone's compact table as it is read: no list of dnsjava records, so loading a
        // large zone needs little more heap than the zone itself.
        ZoneTableBuilder records = new ZoneTableBuilder(origin);
        try (Master master = new Master(file.toString(), origin, 3600)) {
            master.expandGenerate(true);
            Record r;
            while ((r = master.nextRecord()) != null) {
                if (!r.getName().subdomain(origin)) {
                    throw new ZoneException("zone " + origin + ": " + file + ":" + lineOf(file, r.getName())
                            + ": record " + r.getName() + " is outside the zone");
                }
                try {
                    records.add(r);
                } catch (ZoneException e) {
                    throw new ZoneException(e.getMessage().replaceFirst("^zone [^:]*: ",
                            "zone " + origin + ": " + file + ":0: "), e);
                }
            }
        } catch (ZoneException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // dnsjava reports "name:line: reason" with the bare file name; report the full path, and make sure a
            // path and a line are always there ($INCLUDEd files keep their own name).
            String bare = file.getFileName() + ":";
            if (msg.startsWith(bare)) msg = file + msg.substring(bare.length() - 1);
            else if (!msg.matches("(?s)^[^:\\s]+:\\d+: .*")) msg = file + ":0: " + msg;
            throw new ZoneException("zone " + origin + ": " + msg, e);
        }
        checkSemantics(origin, file, records);
        try {
            return Zone.build(origin, records);
        } catch (ZoneException e) {
            throw new ZoneException(e.getMessage().replaceFirst("^zone [^:]*: ", "zone " + origin + ": " + file + ":0: "), e);
        }
    }

    /**
     * Semantic checks Knot and BIND also apply at load (RFC 1034 §3.6.2, RFC 2181 §10.1): a CNAME owner has no other
     * data (except DNSSEC records, RFC 4035 §2.5) and at most one CNAME.
     */
    private static void checkSemantics(Name origin, Path file, ZoneTableBuilder records) throws ZoneException {
        Name owner = records.cnameConflict();
        if (owner != null) {
            throw new ZoneException("zone " + origin + ": " + file + ":" + lineOf(file, owner) + ": "
                    + records.cnameConflictReason() + " at " + owner + " (RFC 1034 §3.6.2)");
        }
    }

    /** Best-effort line of a record whose problem is found after parsing (first line owned by its name). */
    private static int lineOf(Path file, Name owner) {
        String abs = owner.toString().toLowerCase(java.util.Locale.ROOT);
        String noDot = abs.endsWith(".") ? abs.substring(0, abs.length() - 1) : abs;
        try {
            List<String> lines = Files.readAllLines(file);
            Name origin = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) continue;
                String first = line.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
                if (first.equals("$origin")) {
                    origin = Name.fromString(line.split("\\s+")[1]);
                    continue;
                }
                if (first.equals(abs) || first.equals(noDot)) return i + 1;
                if (origin != null && Name.fromString(first, origin).equals(owner)) return i + 1;
                if (origin == null && first.indexOf('.') < 0 && !first.startsWith("$") && noDot.startsWith(first + ".")) {
                    return i + 1; // relative owner against the zone origin
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the line number is a hint only
        }
        return 0;
    }
}
