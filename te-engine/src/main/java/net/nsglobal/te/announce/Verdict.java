package net.nsglobal.te.announce;

/**
 * What one health check found: healthy or not, and in words why (logged with each transition and shown on the
 * operator pages). A failing check is a verdict, never an exception.
 *
 * @param check  the check's name ({@code dns}, {@code zones}, {@code collector})
 * @param healthy whether this check lets the site announce the anycast prefix
 * @param detail what was seen (e.g. "SOA example. NOERROR in 3 ms", "timeout after 1000 ms")
 */
public record Verdict(String check, boolean healthy, String detail) {
    public static Verdict healthy(String check, String detail) {
        return new Verdict(check, true, detail);
    }

    public static Verdict unhealthy(String check, String detail) {
        return new Verdict(check, false, detail);
    }

    @Override
    public String toString() {
        return check + "=" + (healthy ? "ok" : "FAIL") + " (" + detail + ")";
    }
}
