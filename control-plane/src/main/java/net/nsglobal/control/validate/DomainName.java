package net.nsglobal.control.validate;

import java.net.IDN;
import java.util.Locale;

/**
 * A customer's zone name as typed: trimmed, trailing dot dropped, IDN converted to its A-label form (RFC 5891, via
 * IDNA2003 in {@link IDN} with STD3 rules), lowercased, and checked against RFC 1035 §2.3.4 sizes and the LDH rule.
 */
public final class DomainName {
    private DomainName() {}

    /** The normalised ASCII domain (no final dot), or throws {@link Invalid} with a sentence for the user. */
    public static String normalise(String input) throws Invalid {
        if (input == null || input.isBlank()) throw new Invalid("Enter the domain of your zone, e.g. example.com.");
        String s = input.strip();
        if (s.endsWith(".")) s = s.substring(0, s.length() - 1);
        if (s.isEmpty() || s.contains("..")) throw new Invalid("This is not a domain name.");
        String ascii;
        try {
            ascii = IDN.toASCII(s, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new Invalid("This is not a valid domain name (" + e.getMessage() + ").");
        }
        if (ascii.length() > 253) throw new Invalid("A domain name has at most 253 characters.");
        String[] labels = ascii.split("\\.");
        if (labels.length < 2) throw new Invalid("Enter a full domain such as example.com, not a top-level domain.");
        for (String l : labels) {
            if (l.isEmpty() || l.length() > 63) throw new Invalid("Each part of a domain has 1 to 63 characters.");
            if (!l.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
                throw new Invalid("Only letters, digits and inner hyphens are allowed in \"" + l + "\".");
            }
        }
        if (labels[labels.length - 1].matches("\\d+")) throw new Invalid("The top-level domain cannot be numeric.");
        return ascii;
    }

    /** The Unicode form for display (the A-label form when it is not IDN). */
    public static String display(String ascii) {
        return IDN.toUnicode(ascii);
    }

    public static final class Invalid extends Exception {
        public Invalid(String message) { super(message, null, false, false); }
    }
}
