package net.nsglobal.atlas.results;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which anycast site answered. Taken from the NSID option when present (RFC 5001: the server names itself in the
 * OPT record, whatever the question was), else from the TXT answer to {@code hostname.bind}/{@code id.server}
 * (the CHAOS convention of RFC 4892 §2) or to a "whoami" name. A TXT answer that is a JSON object with an
 * {@code "iata"} member (as Google Public DNS's whoami answers are) yields that airport code; a JSON answer
 * without one names no site (in the 2017 Google data, 171 answers came from resolvers intercepting 8.8.8.8).
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
            if (s.startsWith("{")) {
                Matcher m = IATA.matcher(s);
                if (m.find() && !m.group(1).isBlank()) {
                    return Optional.of(new SiteIdentity(m.group(1), Source.TXT));
                }
                continue; // a JSON answer without a site, e.g. an interceptor's "not valid source IP" reply
            }
            return Optional.of(new SiteIdentity(s, Source.TXT));
        }
        return Optional.empty();
    }
}
