package net.nsglobal.control.validate;

import net.nsglobal.dns.config.AddressPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a sign-up (or change) request field by field before anything is looked up, stored or mailed. Field keys are
 * the API's: {@code domain}, {@code primaries[i]} (or {@code primaries} for the list as a whole), {@code tsig.name},
 * {@code tsig.algorithm}, {@code tsig.secret}.
 */
public final class SignupInput {
    public static final int MAX_PRIMARIES = 4;

    /** A request that passed syntax and policy checks. */
    public record Valid(String domain, List<PrimaryAddress> primaries, TsigInput tsig) {}

    /** Either {@link #valid} is set or {@link #errors} is non-empty (insertion order = form order). */
    public record Result(Valid valid, Map<String, String> errors) {
        public boolean ok() { return valid != null; }
    }

    private final AddressPolicy policy;

    public SignupInput(AddressPolicy policy) { this.policy = policy; }

    public Result check(String domain, List<String> primaries, String tsigName, String tsigAlgorithm, String tsigSecret) {
        Map<String, String> errors = new LinkedHashMap<>();
        String d = null;
        try {
            d = DomainName.normalise(domain);
        } catch (DomainName.Invalid e) {
            errors.put("domain", e.getMessage());
        }
        List<PrimaryAddress> parsed = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        int given = 0;
        for (int i = 0; i < primaries.size(); i++) {
            String p = primaries.get(i);
            if (p == null || p.isBlank()) continue;
            given++;
            String key = "primaries[" + i + "]";
            if (given > MAX_PRIMARIES) {
                errors.put(key, "At most " + MAX_PRIMARIES + " primaries.");
                continue;
            }
            try {
                PrimaryAddress a = PrimaryAddress.parse(p);
                Optional<net.nsglobal.dns.config.AddressPolicy.Refusal> refusal = policy.check(a.address());
                if (refusal.isPresent()) {
                    errors.put(key, a.address().getHostAddress() + " is " + refusal.get().reason
                            + "; give the public address of your primary.");
                } else if (!seen.add(a.toString())) {
                    errors.put(key, a + " is listed twice.");
                } else {
                    parsed.add(a);
                }
            } catch (PrimaryAddress.Invalid e) {
                errors.put(key, e.getMessage());
            }
        }
        if (parsed.size() > 1 && parsed.stream().map(PrimaryAddress::port).distinct().count() > 1) {
            // The catalog carries one port per member zone (dns-node's primaries-port extension).
            errors.put("primaries[0]", "All primaries of a zone must use the same port.");
        }
        if (given == 0) errors.put("primaries[0]", "Give at least one primary address, e.g. 198.51.100.7 or [2001:db8::7]:5353.");
        TsigInput tsig = null;
        try {
            tsig = TsigInput.parse(tsigName, tsigAlgorithm, tsigSecret);
        } catch (TsigInput.Invalid e) {
            errors.put("tsig." + e.field, e.getMessage());
        }
        if (!errors.isEmpty()) return new Result(null, errors);
        return new Result(new Valid(d, List.copyOf(parsed), tsig), Map.of());
    }
}
