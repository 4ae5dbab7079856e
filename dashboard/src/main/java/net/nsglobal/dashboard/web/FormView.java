package net.nsglobal.dashboard.web;

import java.util.List;
import java.util.Map;

/** What a sign-up/change form shows: the values typed (echoed back escaped) and an error per field. */
public record FormView(String action, String csrf, String domain, List<String> primaries, String tsigName,
                       String tsigAlgorithm, String tsigSecret, Map<String, String> errors) {
    public static final List<String> ALGORITHMS = List.of("hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha1");

    public static FormView empty(String action, String csrf, String domain) {
        return new FormView(action, csrf, domain == null ? "" : domain, List.of(), "", "hmac-sha256", "", Map.of());
    }

    public String primary(int i) { return i < primaries.size() && primaries.get(i) != null ? primaries.get(i) : ""; }

    public String error(String key) { return errors.get(key); }

    public boolean hasTsig() {
        return !tsigName.isEmpty() || !tsigSecret.isEmpty() || errors.keySet().stream().anyMatch(k -> k.startsWith("tsig."));
    }

    /** The id of the input an error key belongs to (the error summary links to it). */
    public static String fieldId(String key) {
        if (key.startsWith("primaries[")) return "primary-" + key.substring(10, key.indexOf(']'));
        if (key.startsWith("tsig.")) return "tsig-" + key.substring(5);
        if (key.equals("remove")) return "remove-domain";
        return key;
    }
}
