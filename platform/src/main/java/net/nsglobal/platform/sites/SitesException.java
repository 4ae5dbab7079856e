package net.nsglobal.platform.sites;

import java.util.List;

/** The site files cannot be used; every problem found, one per line, as {@code sites/ams1.yaml:12: key: reason}. */
public final class SitesException extends Exception {
    private final List<String> problems;

    SitesException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() { return problems; }
}
