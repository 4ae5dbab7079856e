package net.nsglobal.dns.tsig;

import net.nsglobal.dns.config.TsigKey;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * The node's TSIG keys by name; verifies signed requests (RFC 8945 §5.2). The static keys ({@code tsig-keys:}) are
 * immutable; with a {@link KeyFile} its keys are consulted after them, at the time of each lookup, so a key the control
 * plane writes later is found without rebuilding anything.
 */
public final class Keyring {
    private final Map<Name, TsigKey> keys;
    private final KeyFile file;

    public Keyring(Collection<TsigKey> keys) {
        this(keys, null);
    }

    /** @param file more keys, consulted after {@code keys}; null = none */
    public Keyring(Collection<TsigKey> keys, KeyFile file) {
        Map<Name, TsigKey> m = new HashMap<>();
        for (TsigKey k : keys) m.put(k.name(), k);
        this.keys = Map.copyOf(m);
        this.file = file;
    }

    public static Keyring empty() {
        return new Keyring(java.util.List.of());
    }

    /** The key named {@code name}: a static key first, then the key file's current one; null when neither has it. */
    public TsigKey get(Name name) {
        if (name == null) return null;
        TsigKey k = keys.get(name);
        return k != null || file == null ? k : file.get(name);
    }

    /**
     * Like {@link #get}, but on a miss re-checks the key file first (one stat): for the replication path, where a
     * catalog member may name a key the control plane wrote a moment ago. Not for verifying requests: a stranger's
     * unknown key name must not cost a file system call.
     */
    public TsigKey find(Name name) {
        TsigKey k = get(name);
        if (k != null || file == null || name == null) return k;
        file.poll();
        return file.get(name);
    }

    /**
     * Verifies the TSIG of a request.
     *
     * @param request the parsed request
     * @param wire    the exact bytes it was parsed from
     * @return the outcome; {@link Verification#unsigned()} when the request carries no TSIG
     */
    public Verification verify(Message request, byte[] wire) {
        TSIGRecord rec = tsigOf(request);
        if (rec == null) return Verification.UNSIGNED;
        TsigKey key = get(rec.getName());
        if (key == null || !key.algorithm().dnsName().equals(rec.getAlgorithm())) {
            // RFC 8945 §5.2.1: unknown key or algorithm -> NOTAUTH with TSIG error BADKEY.
            return new Verification(null, Rcode.BADKEY, rec);
        }
        TSIG tsig = key.toTsig();
        int err = tsig.verify(request, wire, null);
        return new Verification(key, err, rec);
    }

    /**
     * Adds the TSIG record that tells a client why its signature was refused (RFC 8945 §5.2: NOTAUTH with the TSIG
     * error BADKEY/BADSIG and an empty MAC, or BADTIME signed with the key and our time).
     */
    public static void applyError(Message response, Verification v) {
        if (!v.signed()) return;
        try {
            TSIG t = v.key() != null ? v.key().toTsig()
                    : new TSIG(v.record().getAlgorithm(), v.record().getName(), new byte[32]);
            t.apply(response, v.error(), v.record());
        } catch (RuntimeException e) {
            // an algorithm dnsjava cannot even name: answer without the TSIG record
        }
    }

    /**
     * The outcome of verifying one request.
     *
     * @param key    the key that signed it (null if unsigned or unknown)
     * @param error  {@link Rcode#NOERROR} when valid, else BADSIG/BADKEY/BADTIME (RFC 8945 §5.2)
     * @param record the request's TSIG record (null if unsigned)
     */
    public record Verification(TsigKey key, int error, TSIGRecord record) {
        static final Verification UNSIGNED = new Verification(null, Rcode.NOERROR, null);

        public static Verification unsigned() { return UNSIGNED; }
        public boolean signed() { return record != null; }
        public boolean valid() { return signed() && error == Rcode.NOERROR && key != null; }
        /** True when the request is acceptable for {@code required} (null = any or none). */
        public boolean satisfies(Name required) {
            if (signed() && !valid()) return false;
            if (required == null) return true;
            return valid() && key.name().equals(required);
        }
    }

    /**
     * The request's TSIG record, or null. The TSIG is the last additional record (RFC 8945 §5.1); it is read from the
     * parsed section, not through {@code Message.getTSIG()}, which trusts ARCOUNT: on a request dnsjava only half
     * parsed (TC=1, an additional record whose RDATA it rejects) the count says 1 while the section is empty, and
     * {@code getTSIG()} throws. Every stage that asks whether a request is signed asks here.
     */
    public static TSIGRecord tsigOf(Message request) {
        java.util.List<org.xbill.DNS.Record> additional = request.getSection(org.xbill.DNS.Section.ADDITIONAL);
        return additional.isEmpty() || !(additional.get(additional.size() - 1) instanceof TSIGRecord t) ? null : t;
    }
}
