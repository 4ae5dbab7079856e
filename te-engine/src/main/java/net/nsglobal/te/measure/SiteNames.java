package net.nsglobal.te.measure;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.nsglobal.platform.sites.Site;

/**
 * Which of our sites a server named itself as. A dns-node answers with its {@code identity.nsid} (RFC 5001) and
 * {@code identity.hostname} (CHAOS TXT {@code hostname.bind}, RFC 4892 §2), which are the site id ({@code fra1}) by
 * default, or a host name that carries it as a label ({@code fra1.ns.example.net}, {@code ns2.fra1.example.net}).
 * Names are compared case-insensitively (DNS names are, RFC 4343). A name that is none of these names no site.
 */
public final class SiteNames {
    private final Map<String, String> byLowerCaseId = new TreeMap<>();

    public SiteNames(List<Site> sites) {
        for (Site s : sites) byLowerCaseId.put(s.id().toLowerCase(Locale.ROOT), s.id());
    }

    /** The site id {@code identity} names, if it names one. */
    public Optional<String> site(String identity) {
        if (identity == null) return Optional.empty();
        String name = identity.strip().toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) name = name.substring(0, name.length() - 1);
        String exact = byLowerCaseId.get(name);
        if (exact != null) return Optional.of(exact);
        for (String label : name.split("\\.")) {
            String id = byLowerCaseId.get(label);
            if (id != null) return Optional.of(id);
        }
        return Optional.empty();
    }
}
