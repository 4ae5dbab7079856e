package net.nsglobal.dns.persist;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import net.nsglobal.dns.xfrin.Diff;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;

/**
 * The on-disk form of one zone's IXFR history (RFC 1995 §4 difference sequences), all big-endian:
 *
 * <pre>
 *   magic      "NSGJ1\n"                       6 bytes
 *   zone       u16 length + origin in canonical wire form (a file renamed to another zone is refused)
 *   count      u32                             differences that follow, oldest first
 *   per difference:
 *     from SOA, to SOA                         u16 length + record wire (uncompressed)
 *     deleted  u32 n, then n × (u16 length + record wire)
 *     added    u32 n, then n × (u16 length + record wire)
 *   crc32      u32 over every byte before it
 * </pre>
 *
 * The file is written whole (see {@link JournalDisk}), so it is either exactly this or damaged: decoding checks the
 * magic, the checksum, every length against the bytes left and that nothing trails, and reports damage as a
 * {@link Decoded.Damaged} verdict with the reason, never by throwing.
 */
public final class JournalFile {
    static final byte[] MAGIC = "NSGJ1\n".getBytes(StandardCharsets.US_ASCII);

    private JournalFile() {}

    /** What reading a journal file gave. */
    public sealed interface Decoded {
        record Ok(List<Diff> diffs) implements Decoded {}

        record Damaged(String reason) implements Decoded {}
    }

    public static byte[] encode(Name zone, List<Diff> diffs) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(256 + diffs.size() * 128);
            DataOutputStream out = new DataOutputStream(buf);
            out.write(MAGIC);
            byte[] origin = zone.toWireCanonical();
            out.writeShort(origin.length);
            out.write(origin);
            out.writeInt(diffs.size());
            for (Diff d : diffs) {
                record(out, d.from());
                record(out, d.to());
                out.writeInt(d.deleted().size());
                for (Record r : d.deleted()) record(out, r);
                out.writeInt(d.added().size());
                for (Record r : d.added()) record(out, r);
            }
            out.flush();
            CRC32 crc = new CRC32();
            crc.update(buf.toByteArray());
            out.writeInt((int) crc.getValue());
            out.flush();
            return buf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
    }

    private static void record(DataOutputStream out, Record r) throws IOException {
        byte[] w = r.toWire(Section.ANSWER);
        out.writeShort(w.length);
        out.write(w);
    }

    public static Decoded decode(Name zone, byte[] data) {
        int min = MAGIC.length + 2 + 1 + 4 + 4;
        if (data.length < min) return new Decoded.Damaged("too short (" + data.length + " bytes)");
        if (!Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return new Decoded.Damaged("not a journal file of ours (bad magic)");
        }
        int bodyEnd = data.length - 4;
        CRC32 crc = new CRC32();
        crc.update(data, 0, bodyEnd);
        int stored = ByteBuffer.wrap(data, bodyEnd, 4).getInt();
        if (stored != (int) crc.getValue()) return new Decoded.Damaged("checksum mismatch");
        ByteBuffer b = ByteBuffer.wrap(data, 0, bodyEnd);
        b.position(MAGIC.length);
        try {
            int nameLength = b.getShort() & 0xffff;
            if (nameLength > b.remaining()) throw new BufferUnderflowException();
            byte[] nameWire = new byte[nameLength];
            b.get(nameWire);
            Name owner = new Name(nameWire);
            if (!owner.equals(zone)) return new Decoded.Damaged("belongs to zone " + owner);
            long count = b.getInt() & 0xffffffffL;
            List<Diff> diffs = new ArrayList<>((int) Math.min(count, b.remaining() / 8 + 1));
            for (long i = 0; i < count; i++) {
                Record from = record(b);
                Record to = record(b);
                if (!(from instanceof SOARecord f) || !(to instanceof SOARecord t)) {
                    return new Decoded.Damaged("difference " + i + " does not start with two SOAs");
                }
                List<Record> deleted = records(b);
                List<Record> added = records(b);
                diffs.add(new Diff(f, t, deleted, added));
            }
            if (b.hasRemaining()) return new Decoded.Damaged(b.remaining() + " bytes after the last difference");
            return new Decoded.Ok(List.copyOf(diffs));
        } catch (BufferUnderflowException e) {
            return new Decoded.Damaged("truncated");
        } catch (IOException | RuntimeException e) {
            return new Decoded.Damaged("unreadable record: " + e.getMessage());
        }
    }

    private static List<Record> records(ByteBuffer b) throws IOException {
        long n = b.getInt() & 0xffffffffL;
        if (n > b.remaining() / 2) throw new BufferUnderflowException(); // each record takes at least its length
        List<Record> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) out.add(record(b));
        return out;
    }

    private static Record record(ByteBuffer b) throws IOException {
        int len = b.getShort() & 0xffff;
        if (len > b.remaining()) throw new BufferUnderflowException();
        byte[] w = new byte[len];
        b.get(w);
        return Record.fromWire(w, Section.ANSWER);
    }
}
