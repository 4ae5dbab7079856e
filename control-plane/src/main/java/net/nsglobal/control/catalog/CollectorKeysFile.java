package net.nsglobal.control.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.control.validate.TsigInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's {@code tsig-keys-file} (dns-node setting; like BIND's {@code include "keys.conf"}): the TSIG keys of
 * the confirmed zones, rewritten from the whole zone list on every catalog publication, so a removed zone's or a
 * replaced key disappears with it. The catalog only names a key (RFC 9432 {@code primaries.ext} TXT); the secret travels
 * only through this file: written to a temp file of mode 0600 in the same folder, forced to disk, then renamed over
 * the old one (the collector sees the old or the new file, never half). Secrets never reach the log.
 * <p>
 * Key names are global on the collector, so one name stands for one secret. Sign-up and confirmation refuse a key name
 * another zone uses with another secret or algorithm ({@code Repository#keyNameHolders}); zones may share a name only
 * by sharing the whole key ({@link TsigInput#sameKeyAs}). Should the stored zones still clash (rows from before that
 * check), the older sign-up keeps the name and the conflict is logged (naming both zones, not the secret).
 */
public final class CollectorKeysFile {
    private static final Logger log = LoggerFactory.getLogger(CollectorKeysFile.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Path file;

    public CollectorKeysFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() { return file; }

    /** The file's text for this zone list (keys sorted by name, one entry per key). */
    static String render(List<ZoneEntry> zones) {
        List<ZoneEntry> byAge = new ArrayList<>(zones);
        byAge.sort(Comparator.comparing(ZoneEntry::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ZoneEntry::domain));
        Map<String, ZoneEntry> keys = new TreeMap<>();
        for (ZoneEntry z : byAge) {
            TsigInput key = z.tsig();
            if (key == null) continue;
            String name = TsigInput.normalName(key.name());
            ZoneEntry first = keys.putIfAbsent(name, z);
            if (first != null && !key.sameKeyAs(first.tsig())) {
                log.error("collector keys: zone {} names TSIG key {} with another secret than zone {}; "
                        + "{} keeps it, transfers of {} will fail (BADSIG) until one of them renames its key",
                        z.domain(), name, first.domain(), first.domain(), z.domain());
            }
        }
        ObjectNode root = YAML.createObjectNode();
        ArrayNode list = root.putArray("tsig-keys");
        for (Map.Entry<String, ZoneEntry> e : keys.entrySet()) {
            ObjectNode k = list.addObject();
            k.put("name", e.getKey());
            k.put("algorithm", algorithm(e.getValue()));
            k.put("secret", e.getValue().tsigSecret().strip());
        }
        try {
            return "# Written by the NS-Global control plane on every catalog change. Do not edit.\n"
                    + YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("collector keys: cannot render", e);
        }
    }

    private static String algorithm(ZoneEntry z) {
        return z.tsigAlgorithm() == null ? "hmac-sha256" : z.tsigAlgorithm();
    }

    /** Rewrites the file for {@code zones} (nothing is written when the content is unchanged); false on failure. */
    public synchronized boolean write(List<ZoneEntry> zones) {
        String text = render(zones);
        try {
            if (Files.exists(file) && Files.readString(file).equals(text)) return true;
            Path dir = Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) ch.write(b);
                ch.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info("collector keys: {} written ({} keys)", file, text.lines().filter(l -> l.contains("name:")).count());
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("collector keys: cannot write {}: {}", file, e.toString());
            return false;
        }
    }
}
