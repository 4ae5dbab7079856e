package net.nsglobal.te.analyze;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import net.nsglobal.platform.sites.Site;

/**
 * ISO 3166-1 alpha-2 country → continent code (AF, AN, AS, EU, NA, OC, SA), the grouping the analysis calls a
 * region. The assignment follows GeoNames' country table (so Russia and Cyprus are EU; Turkey, Armenia, Azerbaijan,
 * Georgia and Kazakhstan AS; Egypt AF; Central America and the Caribbean NA; Timor-Leste and the US Minor Outlying
 * Islands OC; the southern islands without residents AN). Kosovo's user-assigned code XK is EU. Every code of
 * {@code shared/data/geo/iso3166_codes.csv} is here, and nothing else.
 */
public final class Regions {
    /** The continent codes, as the records carry them. */
    public static final Set<String> CONTINENTS = Set.of("AF", "AN", "AS", "EU", "NA", "OC", "SA");

    private static final Map<String, String> CONTINENT = new HashMap<>();

    static {
        put("AF", "DZ AO BJ BW BF BI CM CV CF TD KM CG CD CI DJ EG GQ ER ET GA GM GH GN GW KE LS LR LY MG MW ML MR"
                + " MU YT MA MZ NA NE NG RE RW SH ST SN SC SL SO ZA SS SD SZ TZ TG TN UG EH ZM ZW");
        put("AN", "AQ BV TF HM GS");
        put("AS", "AF AM AZ BH BD BT IO BN KH CN CX CC GE HK IN ID IR IQ IL JP JO KZ KP KR KW KG LA LB MO MY MV MN"
                + " MM NP OM PK PS PH QA SA SG LK SY TW TJ TH TR TM AE UZ VN YE");
        put("EU", "AX AL AD AT BY BE BA BG HR CY CZ DK EE FO FI FR DE GI GR GG VA HU IS IE IM IT JE XK LV LI LT LU"
                + " MT MD MC ME NL MK NO PL PT RO RU SM RS SK SI ES SJ SE CH UA GB");
        put("NA", "AI AG AW BS BB BZ BM BQ VG CA KY CR CU CW DM DO SV GL GD GP GT HT HN JM MQ MX MS NI PA PR BL KN"
                + " LC MF PM VC SX TT TC US VI");
        put("OC", "AS AU CK FJ PF GU KI MH FM NR NC NZ NU NF MP PW PG PN WS SB TK TO TV UM VU WF TL");
        put("SA", "AR BO BR CL CO EC FK GF GY PY PE SR UY VE");
    }

    private Regions() {}

    private static void put(String continent, String codes) {
        for (String c : codes.split(" ")) {
            String was = CONTINENT.put(c, continent);
            if (was != null) throw new IllegalStateException("regions: " + c + " listed in " + was + " and " + continent);
        }
    }

    /** The continent of a country code (case-insensitive), empty for null or an unknown code. */
    public static Optional<String> of(String country) {
        if (country == null) return Optional.empty();
        return Optional.ofNullable(CONTINENT.get(country.strip().toUpperCase(Locale.ROOT)));
    }

    /** The continent of a country code, or null: the form the records carry. */
    static String orNull(String country) {
        return of(country).orElse(null);
    }

    /** A site's continent, from its country. */
    public static Optional<String> of(Site site) {
        return of(site.country());
    }

    /** Every country code known. */
    public static Set<String> countries() {
        return Set.copyOf(CONTINENT.keySet());
    }
}
