package net.nsglobal.te.analyze;

import java.util.Map;

/**
 * The measurement backend's account: backend name, credit balance (NaN if unknown), the key's daily limit (NaN if
 * none) and credits spent per job over the last 24 hours.
 */
public record CreditsView(String backend, double balance, double maxDailyCredits, Map<String, Double> spentPerJob24h) {
    public CreditsView {
        spentPerJob24h = Map.copyOf(spentPerJob24h);
    }
}
