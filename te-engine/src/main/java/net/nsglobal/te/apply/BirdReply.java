package net.nsglobal.te.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One complete answer of BIRD's control socket to one command. BIRD's protocol (doc/prog "CLI" and birdc's client.c):
 * every line starts with a four-digit code and a separator — {@code '-'} when more lines follow, {@code ' '} on the
 * last line — or with a single space, continuing the previous line's code. Codes 0xxx are success (0000 OK, 0003
 * Reconfigured, 0018 Reconfiguration confirmed, 0020 Configuration OK, 0022 Undo scheduled), 1xxx table rows, 2xxx
 * table headings, 8xxx run-time errors (8002 configuration failed), 9xxx parse errors of the command. A reply is a
 * value, never an exception: the applier reads the code and quotes the text.
 *
 * @param code  the code of the final line, which decides success
 * @param lines every line of the reply in order
 */
public record BirdReply(int code, List<Line> lines) {
    /** One reply line: its code (inherited by a continuation line) and its text without the code. */
    public record Line(int code, String text) {}

    public BirdReply {
        lines = List.copyOf(lines);
    }

    /** The final code is a success code (0xxx). */
    public boolean ok() {
        return code < 1000;
    }

    /** Whether any line carries {@code lineCode} (0003 Reconfigured, 0022 Undo scheduled …). */
    public boolean has(int lineCode) {
        return lines.stream().anyMatch(l -> l.code() == lineCode);
    }

    /** The whole reply as birdc prints it, one line per line, codes dropped. */
    public String text() {
        return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
    }

    /** The text of the final line (for an error: BIRD's message, e.g. {@code FILE:3:50 syntax error …}). */
    public String message() {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).text();
    }

    @Override
    public String toString() {
        return String.format("%04d %s", code, text());
    }

    /**
     * Accumulates raw lines of the control protocol into one reply. {@link #accept} returns true once the final line
     * (code and a space) arrived. Asynchronous messages ({@code '+'} lines, sent only after {@code echo}) are dropped.
     */
    static final class Assembler {
        private final List<Line> lines = new ArrayList<>();
        private int lastCode = -1;
        private BirdReply done;

        boolean accept(String raw) {
            if (done != null) throw new IllegalStateException("te-engine apply: reply already complete");
            if (raw.startsWith("+")) return false;
            if (raw.startsWith(" ")) {
                lines.add(new Line(lastCode, raw.substring(1)));
                return false;
            }
            if (raw.length() < 5 || !Character.isDigit(raw.charAt(0)) || !Character.isDigit(raw.charAt(1))
                    || !Character.isDigit(raw.charAt(2)) || !Character.isDigit(raw.charAt(3))
                    || (raw.charAt(4) != ' ' && raw.charAt(4) != '-')) {
                // A line outside the protocol (e.g. birdc's own message over SSH): keep it under the last code.
                lines.add(new Line(lastCode, raw));
                return false;
            }
            lastCode = Integer.parseInt(raw.substring(0, 4));
            lines.add(new Line(lastCode, raw.substring(5)));
            if (raw.charAt(4) == ' ') {
                done = new BirdReply(lastCode, lines);
                return true;
            }
            return false;
        }

        BirdReply reply() {
            if (done == null) throw new IllegalStateException("te-engine apply: reply not complete");
            return done;
        }
    }
}
