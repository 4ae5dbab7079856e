package net.nsglobal.atlas.results;

import java.util.List;

/**
 * How a result stream went: objects delivered, malformed objects skipped, objects of a type this client does not
 * read (traceroute, http, …), and up to a few sample reasons for the skips so an operator can see what was wrong.
 */
public record ParseStats(long parsed, long skipped, long unsupported, List<String> sampleReasons) {
    public ParseStats {
        sampleReasons = List.copyOf(sampleReasons);
    }

    public static ParseStats empty() {
        return new ParseStats(0, 0, 0, List.of());
    }

    public ParseStats plus(ParseStats o) {
        List<String> reasons = new java.util.ArrayList<>(sampleReasons);
        o.sampleReasons.stream().limit(Math.max(0, ResultStreamParser.MAX_REASONS - reasons.size()))
                .forEach(reasons::add);
        return new ParseStats(parsed + o.parsed, skipped + o.skipped, unsupported + o.unsupported, reasons);
    }
}
