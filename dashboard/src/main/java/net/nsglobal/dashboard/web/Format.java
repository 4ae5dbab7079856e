package net.nsglobal.dashboard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.nsglobal.control.status.ZoneStatus;

/** Small formatting helpers for templates. */
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Format() {}

    public static String time(Instant i) { return i == null ? "—" : TIME.format(i); }

    /** The age of a status result: pages show the last check, which a background refresh keeps recent. */
    public static String checked(Instant at) {
        if (at == null) return "first check still running";
        long s = Math.max(0, java.time.Duration.between(at, Instant.now()).getSeconds());
        return "checked " + (s < 60 ? s + " s" : s / 60 + " min") + " ago";
    }

    /** {@code café.test (xn--caf-dma.test)} for an IDN, the name itself otherwise. */
    public static String domain(String ascii) {
        String u = net.nsglobal.control.validate.DomainName.display(ascii);
        return u.equals(ascii) ? ascii : u + " (" + ascii + ")";
    }

    public static String serial(Long s) { return s == null ? "—" : Long.toString(s); }

    /** "current", "behind", or the problem, compared with the highest primary serial. */
    public static String state(ZoneStatus.ServerSerial s, List<ZoneStatus.ServerSerial> primaries) {
        if (s.serial() == null) return s.problem();
        if (primaries == null) return "answers authoritatively";
        Long max = primaries.stream().map(ZoneStatus.ServerSerial::serial).filter(x -> x != null)
                .reduce((a, b) -> org.xbill.DNS.Serial.compare(a, b) >= 0 ? a : b).orElse(null);
        if (max == null) return "serving";
        return s.serial().equals(max) ? "current" : "behind (primary has " + max + ")";
    }

    /** Milliseconds with one decimal, or a dash when unknown (NaN). */
    public static String ms(double v) { return Double.isNaN(v) ? "—" : String.format(java.util.Locale.ROOT, "%.1f", v); }

    /** A share 0…1 as a percentage with one decimal, or a dash when unknown. */
    public static String pct(Double v) {
        return v == null || v.isNaN() ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * v);
    }

    /** A credit amount (no decimals when whole), or "unknown" (NaN). */
    public static String credits(double v) {
        if (Double.isNaN(v)) return "unknown";
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%.0f", v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
