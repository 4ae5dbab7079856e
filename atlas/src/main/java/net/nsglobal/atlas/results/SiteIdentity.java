package net.nsglobal.atlas.results;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which anycast site answered. Taken from the NSID option when present (RFC 5001: the server names itself in the
 * OPT record, whatever the question was), else from the TXT answer to {@code hostname.bind}/{@code id.server}
 * (the CHAOS convention of RFC 4892 §2) or to a "whoami" name. A TXT answer that is a JSON object with an
 * {@code "iata"} member (as Google Public DNS's whoami answers are) yields that airport code.
 */
public record SiteIdentity(String value, Source source) {

    public enum Source { NSID, TXT }

    private static final Pattern IATA = Pattern.compile("\"iata\"\\s*:\\s*\"([^\"]*)\"");

    public static Optional<SiteIdentity> from(String nsid, List<String> txt) {
        if (nsid != null && !nsid.isBlank()) {
            return Optional.of(new SiteIdentity(nsid.strip(), Source.NSID));
        }
        for (String t : txt) {
            String s = t.strip();
            if (s.isEmpty()) {
                continue;
            }
            Matcher m = IATA.matcher(s);
            if (s.startsWith("{") && m.find()) {
                return Optional.of(new SiteIdentity(m.group(1), Source.TXT));
            }
            return Optional.of(new SiteIdentity(s, Source.TXT));
        }
        return Optional.empty();
    }
}
