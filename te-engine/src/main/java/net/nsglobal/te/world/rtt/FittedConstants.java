package net.nsglobal.te.world.rtt;

import java.util.Map;

/**
 * The RTT model's constants as {@link Calibration} fitted them; generated, do not edit. Refit with
 * {@code ./nsglobal te calibrate > te-engine/src/main/java/net/nsglobal/te/world/rtt/FittedConstants.java}
 * (it prints this file). 5757 country pairs; in sample: median 16.1 ms (11.3%), p90 76.5 ms (47.2%);
 * cross-validated: median 17.8 ms (12.3%), p90 79.7 ms (55.9%).
 */
final class FittedConstants {
    private FittedConstants() {}

    /** RTT per km of great-circle distance; fibre (200 km/ms, there and back) is 0.01 ms/km, so stretch = this × 100. */
    static final double MS_PER_KM = 0.012292;
    /** Access latency of a country without a fitted value (the common base of the fit). */
    static final double BASE_ACCESS_MS = 7.254;
    /** Median rtt_std / rtt_avg of the pairs with at least 10 measurements. */
    static final double PATH_SIGMA = 0.187;
    /** Border cost of a country without a fitted value (the common base of the fit). */
    static final double BASE_BORDER_MS = 39.018;
    /** Access latency (ms) per ISO 3166 country, one end's share of every round trip. */
    static final Map<String, Double> ACCESS_MS = Map.ofEntries(
            Map.entry("AD", -15.351), Map.entry("AE", 4.615), Map.entry("AL", 1.212), Map.entry("AM", 0.242), Map.entry("AO", 63.701), Map.entry("AR", 4.761),
            Map.entry("AT", 16.173), Map.entry("AU", 18.33), Map.entry("AZ", 0.292), Map.entry("BA", 0.246), Map.entry("BD", 9.699), Map.entry("BE", 15.544),
            Map.entry("BF", 11.86), Map.entry("BG", 3.053), Map.entry("BH", 0.296), Map.entry("BJ", 2.747), Map.entry("BO", -9.209), Map.entry("BR", 16.04),
            Map.entry("BY", -0.103), Map.entry("BZ", -58.371), Map.entry("CA", 4.533), Map.entry("CD", 27.226), Map.entry("CH", 7.433), Map.entry("CL", 18.381),
            Map.entry("CM", 8.805), Map.entry("CN", 13.29), Map.entry("CO", -0.258), Map.entry("CR", 2.849), Map.entry("CU", 11.768), Map.entry("CY", 17.105),
            Map.entry("CZ", 1.5), Map.entry("DE", 9.298), Map.entry("DK", 0.842), Map.entry("DO", -0.248), Map.entry("DZ", 12.008), Map.entry("EC", -0.03),
            Map.entry("EE", 2.77), Map.entry("EG", 20.52), Map.entry("ES", 1.596), Map.entry("FI", 3.956), Map.entry("FJ", 24.248), Map.entry("FM", 18.621),
            Map.entry("FR", 10.094), Map.entry("GB", 14.278), Map.entry("GE", -0.411), Map.entry("GH", 2.201), Map.entry("GL", 10.053), Map.entry("GQ", 16.227),
            Map.entry("GR", 3.851), Map.entry("GT", -0.171), Map.entry("GU", 15.295), Map.entry("HK", 4.195), Map.entry("HN", -1.14), Map.entry("HR", -0.074),
            Map.entry("HU", -0.183), Map.entry("ID", 5.018), Map.entry("IE", 19.34), Map.entry("IL", 0.584), Map.entry("IM", -0.239), Map.entry("IN", 16.849),
            Map.entry("IQ", -0.666), Map.entry("IR", 1.092), Map.entry("IS", 0.065), Map.entry("IT", 4.313), Map.entry("JO", 25.086), Map.entry("JP", 7.271),
            Map.entry("KE", 5.402), Map.entry("KG", 0.431), Map.entry("KH", -19.084), Map.entry("KR", 21.566), Map.entry("KY", -5.444), Map.entry("KZ", 4.807),
            Map.entry("LA", 12.581), Map.entry("LI", -13.137), Map.entry("LK", 27.254), Map.entry("LT", 19.942), Map.entry("LU", 23.382), Map.entry("LV", 6.87),
            Map.entry("MA", 23.059), Map.entry("MD", 2.524), Map.entry("ME", 1.47), Map.entry("MG", 49.219), Map.entry("MK", -0.434), Map.entry("MN", 2.741),
            Map.entry("MT", -9.919), Map.entry("MU", 56.308), Map.entry("MV", 1.407), Map.entry("MW", 33.601), Map.entry("MX", 5.431), Map.entry("MY", 2.994),
            Map.entry("MZ", -12.746), Map.entry("NA", 0.859), Map.entry("NC", 10.177), Map.entry("NG", 24.059), Map.entry("NL", 6.612), Map.entry("NO", 2.033),
            Map.entry("NP", 9.845), Map.entry("NZ", 0.687), Map.entry("OM", 18.713), Map.entry("PA", 0.643), Map.entry("PE", 1.918), Map.entry("PH", 20.888),
            Map.entry("PK", 17.124), Map.entry("PL", 3.401), Map.entry("PR", 17.832), Map.entry("PT", 3.279), Map.entry("PY", 8.796), Map.entry("QA", -31.025),
            Map.entry("RO", 1.551), Map.entry("RS", 23.831), Map.entry("RU", 23.293), Map.entry("RW", 47.27), Map.entry("SA", 1.158), Map.entry("SC", -28.163),
            Map.entry("SE", 2.48), Map.entry("SG", 12.524), Map.entry("SI", 0.606), Map.entry("SK", -0.292), Map.entry("SL", 4.614), Map.entry("SM", -15.866),
            Map.entry("SN", 7.27), Map.entry("SS", 25.782), Map.entry("SX", 6.333), Map.entry("TD", 77.713), Map.entry("TH", 2.665), Map.entry("TJ", 0.43),
            Map.entry("TL", 6.032), Map.entry("TN", 4.591), Map.entry("TR", 3.311), Map.entry("TT", 0.766), Map.entry("TW", 14.969), Map.entry("TZ", 0.588),
            Map.entry("UA", 1.861), Map.entry("UG", 17.404), Map.entry("US", 4.706), Map.entry("UY", 2.404), Map.entry("UZ", 1.094), Map.entry("VE", 20.08),
            Map.entry("VN", 13.488), Map.entry("VU", -88.937), Map.entry("YE", 10.6), Map.entry("ZA", 2.887), Map.entry("ZM", 27.255), Map.entry("ZW", 7.257));
    /** Border cost (ms) per country, one end's share of a round trip that leaves the country. */
    static final Map<String, Double> BORDER_MS = Map.ofEntries(
            Map.entry("AD", 16.413), Map.entry("AE", 77.123), Map.entry("AL", 17.259), Map.entry("AM", 34.365), Map.entry("AO", 55.737), Map.entry("AR", 77.01),
            Map.entry("AT", 7.951), Map.entry("AU", 52.978), Map.entry("AZ", 30.47), Map.entry("BA", 20.587), Map.entry("BD", 81.497), Map.entry("BE", 7.35),
            Map.entry("BF", 83.643), Map.entry("BG", 20.385), Map.entry("BH", 46.172), Map.entry("BJ", 74.503), Map.entry("BO", 22.556), Map.entry("BR", 61.099),
            Map.entry("BY", 19.195), Map.entry("BZ", -26.606), Map.entry("CA", 14.78), Map.entry("CD", 58.991), Map.entry("CH", -0.754), Map.entry("CL", 37.412),
            Map.entry("CM", 80.577), Map.entry("CN", 85.203), Map.entry("CO", 38.644), Map.entry("CR", 31.369), Map.entry("CU", 43.532), Map.entry("CY", 8.882),
            Map.entry("CZ", 9.856), Map.entry("DE", 0.927), Map.entry("DK", 6.822), Map.entry("DO", 4.265), Map.entry("DZ", 21.061), Map.entry("EC", 61.95),
            Map.entry("EE", 12.639), Map.entry("EG", 52.285), Map.entry("ES", 11.093), Map.entry("FI", 10.871), Map.entry("FJ", 56.012), Map.entry("FM", 90.399),
            Map.entry("FR", 1.859), Map.entry("GB", 6.057), Map.entry("GE", 44.817), Map.entry("GH", 74.061), Map.entry("GL", 41.817), Map.entry("GQ", 47.992),
            Map.entry("GR", 29.385), Map.entry("GT", 15.605), Map.entry("GU", 87.083), Map.entry("HK", 77.212), Map.entry("HN", 15.123), Map.entry("HR", 17.657),
            Map.entry("HU", 9.883), Map.entry("ID", 40.045), Map.entry("IE", 17.469), Map.entry("IL", 47.229), Map.entry("IM", 5.032), Map.entry("IN", 81.013),
            Map.entry("IQ", 58.106), Map.entry("IR", 52.095), Map.entry("IS", 21.852), Map.entry("IT", 9.441), Map.entry("JO", 56.85), Map.entry("JP", 20.638),
            Map.entry("KE", 77.244), Map.entry("KG", 53.581), Map.entry("KH", 12.681), Map.entry("KR", 93.65), Map.entry("KY", 26.32), Map.entry("KZ", 57.949),
            Map.entry("LA", 15.753), Map.entry("LI", 18.628), Map.entry("LK", 59.019), Map.entry("LT", 11.714), Map.entry("LU", 15.182), Map.entry("LV", 15.192),
            Map.entry("MA", 14.385), Map.entry("MD", 19.701), Map.entry("ME", 19.424), Map.entry("MG", 80.983), Map.entry("MK", 20.132), Map.entry("MN", 75.044),
            Map.entry("MT", 21.845), Map.entry("MU", 57.841), Map.entry("MV", 74.248), Map.entry("MW", 65.366), Map.entry("MX", 20.29), Map.entry("MY", 43.009),
            Map.entry("MZ", 19.018), Map.entry("NA", 60.957), Map.entry("NC", 82.019), Map.entry("NG", 55.824), Map.entry("NL", -1.596), Map.entry("NO", 12.368),
            Map.entry("NP", 81.64), Map.entry("NZ", 59.225), Map.entry("OM", 50.477), Map.entry("PA", 36.113), Map.entry("PE", 44.69), Map.entry("PH", 92.654),
            Map.entry("PK", 89.576), Map.entry("PL", 12.426), Map.entry("PR", 9.551), Map.entry("PT", 14.568), Map.entry("PY", 80.665), Map.entry("QA", 0.74),
            Map.entry("RO", 21.887), Map.entry("RS", 15.609), Map.entry("RU", 25.264), Map.entry("RW", 79.035), Map.entry("SA", 68.146), Map.entry("SC", 3.602),
            Map.entry("SE", -5.047), Map.entry("SG", 4.324), Map.entry("SI", 14.829), Map.entry("SK", 17.33), Map.entry("SL", 36.378), Map.entry("SM", 15.898),
            Map.entry("SN", 39.034), Map.entry("SS", 57.547), Map.entry("SX", 38.097), Map.entry("TD", 109.477), Map.entry("TH", 68.838), Map.entry("TJ", 53.985),
            Map.entry("TL", 37.797), Map.entry("TN", 25.999), Map.entry("TR", 32.79), Map.entry("TT", 61.495), Map.entry("TW", 86.761), Map.entry("TZ", 69.912),
            Map.entry("UA", 24.394), Map.entry("UG", 89.167), Map.entry("US", -3.524), Map.entry("UY", 52.984), Map.entry("UZ", 52.197), Map.entry("VE", 16.211),
            Map.entry("VN", 85.263), Map.entry("VU", -57.172), Map.entry("YE", 42.365), Map.entry("ZA", 74.787), Map.entry("ZM", 59.02), Map.entry("ZW", 39.022));
}
