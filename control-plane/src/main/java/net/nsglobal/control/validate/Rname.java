package net.nsglobal.control.validate;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * The SOA RNAME as a mail address. RFC 1035 §8: the first label is the local part (so an escaped dot inside it,
 * {@code john\.doe}, is a literal dot) and the remaining labels are the mail domain:
 * {@code john\.doe.example.com.} → {@code john.doe@example.com}.
 */
public final class Rname {
    private Rname() {}

    /** The mail address, or empty when the RNAME cannot be a deliverable address (root, one label, odd bytes). */
    public static Optional<String> toMailbox(Name rname) {
        int labels = rname.labels() - (rname.isAbsolute() ? 1 : 0);
        if (labels < 3) return Optional.empty(); // local part + at least a two-label mail domain
        String local = labelText(rname, 0);
        if (local == null || local.isEmpty() || !local.matches("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+")
                || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return Optional.empty();
        }
        StringBuilder domain = new StringBuilder();
        for (int i = 1; i < labels; i++) {
            String l = labelText(rname, i);
            if (l == null || !l.matches("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?")) return Optional.empty();
            if (domain.length() > 0) domain.append('.');
            domain.append(l.toLowerCase(java.util.Locale.ROOT));
        }
        return Optional.of(local + "@" + domain);
    }

    /** The label's raw octets as text (unescaped), or null when not printable ASCII. */
    private static String labelText(Name n, int i) {
        byte[] wire = n.getLabel(i); // length octet + label octets
        for (int k = 1; k < wire.length; k++) if (wire[k] < 0x21 || wire[k] > 0x7e) return null;
        return new String(wire, 1, wire.length - 1, StandardCharsets.US_ASCII);
    }

    /** {@code john.doe@example.com} shown as {@code j…e@example.com} on public pages. */
    public static String mask(String mailbox) {
        int at = mailbox.indexOf('@');
        String local = mailbox.substring(0, at);
        String masked = local.length() <= 2 ? local.charAt(0) + "…" : local.charAt(0) + "…" + local.charAt(local.length() - 1);
        return masked + mailbox.substring(at);
    }
}
