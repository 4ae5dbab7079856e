package net.nsglobal.atlas.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses the CLI's durations: {@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}, or ISO-8601 {@code PT15M}. */
final class Durations {
    private Durations() {
    }

    static Duration parse(String option, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
        } catch (RuntimeException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("atlas: " + option + " '" + text + "' is not a duration: use e.g. 90s, "
                + "15m, 2h, 7d");
    }
}
