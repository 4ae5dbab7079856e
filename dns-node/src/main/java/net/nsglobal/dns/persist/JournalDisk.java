package net.nsglobal.dns.persist;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.xfrin.Diff;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * IXFR histories on disk, under {@code data-dir/journal/}, one {@code <zone>.ixfr} file per zone in the
 * {@link JournalFile} format, so that a restarted collector still answers its edges' IXFRs incrementally instead of
 * sending every zone whole (an AXFR storm with 100,000 zones).
 *
 * <p>Why the whole file is rewritten (temp + rename, {@link AtomicFiles}) rather than appended to, as Knot's and BIND's
 * journals are: the history is already bounded ({@code limits.ixfr-history} records), writes happen behind the
 * transfers and are coalesced per zone (a zone changing 50 times during one write costs one more write, not 50), and a
 * rename leaves the old file or the new one, never a torn tail — so there is no recovery or compaction code, and any
 * damage found on reading is real damage, handled by dropping the file. The price is O(history) bytes per write
 * instead of O(change) (0.6 s for a 1,250,000-record history, so the writer spaces out such zones, see
 * {@code xfrout.JournalWriter}). Not fsynced: a journal lost or damaged by a power cut only costs each affected edge one
 * AXFR.
 */
public final class JournalDisk {
    private final Path dir;

    public JournalDisk(Path dataDir) throws IOException {
        this.dir = Files.createDirectories(dataDir.resolve("journal"));
    }

    public Path dir() { return dir; }

    public Path file(Name zone) {
        return dir.resolve(ZoneDisk.encodeName(zone) + ".ixfr");
    }

    /** An empty history deletes the file. */
    public void save(Name zone, List<Diff> diffs) throws IOException {
        if (diffs.isEmpty()) delete(zone);
        else AtomicFiles.write(file(zone), JournalFile.encode(zone, diffs), false);
    }

    public void delete(Name zone) throws IOException {
        Files.deleteIfExists(file(zone));
    }

    /** Every zone with a journal file. */
    public List<Name> list() throws IOException {
        List<Name> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.ixfr")) {
            for (Path p : ds) {
                String f = p.getFileName().toString();
                try {
                    names.add(ZoneDisk.decodeName(f.substring(0, f.length() - ".ixfr".length())));
                } catch (TextParseException | RuntimeException e) {
                    // not one of ours; leave it alone
                }
            }
        }
        return names;
    }

    /** The stored history; {@code Ok} with no differences when there is no file. */
    public JournalFile.Decoded load(Name zone) {
        byte[] data;
        try {
            data = Files.readAllBytes(file(zone));
        } catch (NoSuchFileException e) {
            return new JournalFile.Decoded.Ok(List.of());
        } catch (IOException e) {
            return new JournalFile.Decoded.Damaged("cannot read " + file(zone) + ": " + e.getMessage());
        }
        return JournalFile.decode(zone, data);
    }
}
