package net.nsglobal.dns.zone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Loads an RFC 1035 §5 master file ($ORIGIN, $TTL, $INCLUDE, $GENERATE) with dnsjava's parser and compiles it.
 * Any error rejects the whole file with {@code zone Z: path:line: reason}; the caller keeps serving the previous
 * version of the zone (issue item 6).
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
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(file.toString(), origin, 3600)) {
            master.expandGenerate(true);
            Record r;
            while ((r = master.nextRecord()) != null) {
                if (!r.getName().subdomain(origin)) {
                    throw new ZoneException("zone " + origin + ": " + file + ":" + lineOf(file, r)
                            + ": record " + r.getName() + " is outside the zone");
                }
                records.add(r);
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
        try {
            return Zone.compile(origin, records);
        } catch (ZoneException e) {
            throw new ZoneException(e.getMessage().replaceFirst("^zone [^:]*: ", "zone " + origin + ": " + file + ":0: "), e);
        }
    }

    /** Best-effort line of a record whose problem is found after parsing (first line mentioning its owner). */
    private static int lineOf(Path file, Record r) {
        try {
            String owner = r.getName().toString();
            String rel = owner.endsWith(".") ? owner.substring(0, owner.length() - 1) : owner;
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).trim().toLowerCase(java.util.Locale.ROOT);
                if (l.startsWith(owner.toLowerCase(java.util.Locale.ROOT)) || l.startsWith(rel.toLowerCase(java.util.Locale.ROOT))) {
                    return i + 1;
                }
            }
        } catch (IOException ignored) {
            // the line number is a hint only
        }
        return 0;
    }
}
