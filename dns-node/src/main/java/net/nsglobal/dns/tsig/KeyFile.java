package net.nsglobal.dns.tsig;

import net.nsglobal.dns.config.TsigKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import net.nsglobal.config.ConfigException;
import net.nsglobal.dns.config.NodeConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * The keys of a {@code tsig-keys-file} (like BIND's {@code include "keys.conf"}): written by the control plane by
 * temp file + rename, so a reader sees the old or the new file, never half of one. {@link #poll} compares the file's
 * stat (modification time, size, file key) with the last one read and re-reads only on a change. A re-read is all or
 * nothing: a file that does not parse is logged with the reason and the previous key set stays in use. A missing file
 * holds no keys (the control plane may not have written it yet). Secrets never reach the log. Thread-safe.
 */
public final class KeyFile {
    private static final Logger log = LoggerFactory.getLogger("tsig.keyfile");
    private final Path file;
    private volatile Map<Name, TsigKey> keys = Map.of();
    private Object seen; // stat of the last file read (or tried), null = never / absent

    public KeyFile(Path file) {
        this.file = Objects.requireNonNull(file);
    }

    public Path file() { return file; }

    /** The key named {@code name} from the last good version of the file, or null. */
    public TsigKey get(Name name) {
        return name == null ? null : keys.get(name);
    }

    public int size() { return keys.size(); }

    /** Re-reads the file if it changed since the last poll; returns true when the key set was replaced. */
    public synchronized boolean poll() {
        Object stat;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            stat = java.util.List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            if (seen != null) log.warn("tsig-keys-file {}: gone; keeping the {} keys read before", file, keys.size());
            seen = null;
            return false;
        } catch (IOException e) {
            log.error("tsig-keys-file {}: cannot stat ({}); keeping the {} keys read before", file, e.getMessage(), keys.size());
            return false;
        }
        if (stat.equals(seen)) return false;
        seen = stat;
        try {
            Map<Name, TsigKey> next = new HashMap<>();
            for (var k : NodeConfig.loadKeyFile(file)) next.put(k.name(), k);
            boolean changed = !sameKeys(keys, next);
            keys = Map.copyOf(next);
            if (changed) log.info("tsig-keys-file {}: {} keys loaded", file, next.size());
            return changed;
        } catch (ConfigException | IllegalArgumentException e) {
            // First line only: a YAML parser's excerpt of the offending line could hold a secret.
            log.error("tsig-keys-file {}: rejected, keeping the {} keys read before: {}", file, keys.size(),
                    String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            return false;
        }
    }

    private static boolean sameKeys(Map<Name, TsigKey> a, Map<Name, TsigKey> b) {
        if (!a.keySet().equals(b.keySet())) return false;
        for (var e : a.entrySet()) {
            TsigKey o = b.get(e.getKey());
            if (!o.algorithm().equals(e.getValue().algorithm())
                    || !java.util.Arrays.equals(o.secret(), e.getValue().secret())) return false;
        }
        return true;
    }
}
