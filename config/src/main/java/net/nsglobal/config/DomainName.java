package net.nsglobal.config;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A domain name as people type it (config files, command lines, forms, URLs) turned into an absolute {@link Name}:
 * {@code example.com} and {@code example.com.} are the same zone. The one place every module does this.
 */
public final class DomainName {
    private DomainName() {}

    /**
     * The absolute name {@code text} spells.
     *
     * @throws IllegalArgumentException "not a valid domain name 'TEXT': REASON" (a label over 63 octets, a name over
     *                                  255, an empty label, a bad escape; RFC 1035 §2.3.4)
     */
    public static Name parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("not a valid domain name: empty");
        String s = text.trim();
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a valid domain name '" + text + "': " + e.getMessage(), e);
        }
    }
}
