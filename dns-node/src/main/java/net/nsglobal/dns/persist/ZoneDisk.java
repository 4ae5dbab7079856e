package net.nsglobal.dns.persist;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;

/**
 * Secondary zones on disk, under {@code data-dir/zones/}: {@code <name>.wire} holds the zone (records in DNS wire
 * format, uncompressed, each with a 2-byte length: ~10x faster to load than master-file text, which matters for a
 * cold start with 100,000 zones) and {@code <name>.timers} the {@link ZoneTimers}. Both are replaced atomically
 * (temp + fsync + rename). Thread-safe: each zone is written by one refresh at a time.
 */
public final class ZoneDisk {
    private static final byte[] MAGIC = "NSGZ1\n".getBytes(StandardCharsets.US_ASCII);
    private final Path dir;
    private final boolean fsync;

    /** @param fsync false only for benchmarks/tests that create huge numbers of zones */
    public ZoneDisk(Path dataDir, boolean fsync) throws IOException {
        this.dir = Files.createDirectories(dataDir.resolve("zones"));
        this.fsync = fsync;
    }

    public ZoneDisk(Path dataDir) throws IOException {
        this(dataDir, true);
    }

    public Path dir() { return dir; }

    public void save(Zone zone, ZoneTimers timers) throws IOException {
        List<Record> records = zone.records();   // made once (was three times: two only to count them)
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 + records.size() * 48);
        DataOutputStream out = new DataOutputStream(buf);
        out.write(MAGIC);
        out.writeInt(records.size());
        for (Record r : records) {
            byte[] w = r.toWire(Section.ANSWER);
            out.writeShort(w.length);
            out.write(w);
        }
        out.flush();
        AtomicFiles.write(file(zone.origin(), ".wire"), buf.toByteArray(), fsync);
        saveTimers(zone.origin(), timers);
    }

    /**
     * Timers are renamed into place but not fsynced: after a power loss an older (or empty) timers file only makes
     * the zone refresh sooner or count as expired until refreshed, both on the safe side.
     */
    public void saveTimers(Name origin, ZoneTimers timers) throws IOException {
        AtomicFiles.write(file(origin, ".timers"), timers.encode().getBytes(StandardCharsets.US_ASCII), false);
    }

    public void delete(Name origin) throws IOException {
        Files.deleteIfExists(file(origin, ".wire"));
        Files.deleteIfExists(file(origin, ".timers"));
    }

    /** A zone read back from disk, with its timers (null timers = none saved: refresh at once). */
    public record Stored(Zone zone, ZoneTimers timers) {}

    /** Loads one zone, or null if none is stored. */
    public Stored load(Name origin) throws ZoneException {
        Path wire = file(origin, ".wire");
        byte[] data;
        try {
            data = Files.readAllBytes(wire);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new ZoneException("zone " + origin + ": cannot read " + wire + ": " + e.getMessage(), e);
        }
        Zone zone = decode(origin, wire, data);
        ZoneTimers timers = null;
        try {
            timers = ZoneTimers.decode(Files.readString(file(origin, ".timers"), StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            // no timers: treat as due now
        } catch (IOException | NumberFormatException e) {
            timers = new ZoneTimers(0, 0, 0); // unreadable: refresh now, and count as expired until then
        }
        return new Stored(zone, timers);
    }

    /** Every zone origin with a stored {@code .wire} file. */
    public List<Name> list() throws IOException {
        List<Name> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.wire")) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                try {
                    names.add(decodeName(f.substring(0, f.length() - ".wire".length())));
                } catch (TextParseException e) {
                    // not one of ours; ignore
                }
            }
        }
        return names;
    }

    private static Zone decode(Name origin, Path file, byte[] data) throws ZoneException {
        try {
            ByteBuffer b = ByteBuffer.wrap(data);
            for (byte m : MAGIC) {
                if (b.get() != m) throw new ZoneException("zone " + origin + ": " + file + " is not a zone file of ours");
            }
            int n = b.getInt();
            List<Record> records = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int len = b.getShort() & 0xffff;
                byte[] w = new byte[len];
                b.get(w);
                records.add(Record.fromWire(w, Section.ANSWER));
            }
            return Zone.compile(origin, records);
        } catch (IOException | RuntimeException e) {
            throw new ZoneException("zone " + origin + ": " + file + " is damaged: " + e, e);
        }
    }

    private Path file(Name origin, String ext) {
        return dir.resolve(encodeName(origin) + ext);
    }

    /** File-name safe, reversible: lower case, the root as "@", anything unusual as %XX. */
    static String encodeName(Name n) {
        String s = n.toString(true).toLowerCase(Locale.ROOT);
        if (s.isEmpty() || s.equals(".")) return "@";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_') b.append(c);
            else b.append('%').append(String.format("%02x", (int) c));
        }
        return b.toString();
    }

    static Name decodeName(String f) throws TextParseException {
        if (f.equals("@")) return Name.root;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%' && i + 2 < f.length()) {
                b.append((char) Integer.parseInt(f.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return Name.fromString(b + ".");
    }
}
