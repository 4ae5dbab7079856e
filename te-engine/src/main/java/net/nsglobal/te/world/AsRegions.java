package net.nsglobal.te.world;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import net.nsglobal.platform.sites.Region;

/**
 * The region of each AS, for the neighbours' regional no-export communities (e.g. Cogent's 174:971, "do not send to
 * North American peers"): the country of the AS's organisation in CAIDA's AS Organizations dataset
 * ({@code as-org2info}: {@code aut|changed|aut_name|org_id|opaque_id|source} and
 * {@code org_id|changed|org_name|country|source} lines), mapped to its continent by {@link #regionOfCountry}.
 *
 * <p>The mapping is by continent, not by RIR service region: Russia and Turkey are Europe (as the transit providers'
 * "EU peers" include them), the Middle East, the Caucasus and Central Asia are Asia, Central America and the Caribbean
 * are North America, the Pacific islands are Oceania. An AS without an organisation, or whose country is unknown,
 * CAIDA's {@code EU} aside (Europe), has no region: no regional community ever applies to it.
 */
public final class AsRegions {
    /** No AS has a region (small test worlds that do not use regional communities). */
    public static final AsRegions NONE = new AsRegions(new long[0], new byte[0]);

    private static final Map<String, Region> CONTINENT = new HashMap<>();

    static {
        put(Region.NORTH_AMERICA, "US CA MX GT BZ SV HN NI CR PA CU DO HT JM PR BS TT BB AG DM GD KN LC VC AW CW SX BQ "
                + "BL MF GP MQ KY VG VI AI MS TC BM GL PM UM");
        put(Region.SOUTH_AMERICA, "BR AR CL CO PE VE EC BO PY UY GY SR GF FK GS");
        put(Region.EUROPE, "EU GB IE FR DE NL BE LU CH AT IT ES PT AD MC SM VA MT GI DK NO SE FI IS FO AX SJ EE LV LT "
                + "PL CZ SK HU SI HR BA RS ME MK AL XK GR BG RO MD UA BY RU CY TR LI IM JE GG");
        put(Region.AFRICA, "ZA NA BW ZW ZM MZ MW AO CD CG GA GQ CM CF TD NE NG BJ TG GH CI LR SL GN GW GM SN ML BF MR "
                + "MA DZ TN LY EG SD SS ET ER DJ SO KE UG TZ RW BI MG MU SC KM YT RE CV ST SZ LS SH EH TF");
        put(Region.ASIA, "CN JP KR KP TW HK MO MN IN PK BD LK NP BT MV AF IR IQ SY LB JO IL PS SA AE QA BH KW OM YE "
                + "GE AM AZ KZ UZ TM KG TJ TH VN LA KH MM MY SG ID PH BN TL IO");
        put(Region.OCEANIA, "AU NZ PG FJ NC PF VU WS SB TO KI TV NR PW FM MH GU MP AS CK NU TK WF NF PN");
    }

    private static void put(Region r, String codes) {
        for (String cc : codes.split(" ")) {
            if (CONTINENT.put(cc, r) != null) throw new IllegalStateException("world: country " + cc + " listed twice");
        }
    }

    private final long[] asn;
    private final byte[] region;

    private AsRegions(long[] asn, byte[] region) {
        this.asn = asn;
        this.region = region;
    }

    /** The region of an ISO 3166-1 alpha-2 country code (CAIDA's {@code EU}: Europe), or empty if unknown. */
    public static Optional<Region> regionOfCountry(String cc) {
        return Optional.ofNullable(CONTINENT.get(cc));
    }

    /** Regions given directly (tests build small worlds this way). */
    public static AsRegions of(Map<Long, Region> regions) {
        long[] a = regions.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        byte[] r = new byte[a.length];
        for (int i = 0; i < a.length; i++) r[i] = (byte) regions.get(a[i]).ordinal();
        return new AsRegions(a, r);
    }

    /** Reads CAIDA's {@code .as-org2info.txt.gz} (or the plain text file). */
    public static AsRegions load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException("world: AS organisations " + file + ": no such file");
        var in = Files.newInputStream(file);
        try (Reader r = new InputStreamReader(file.toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in,
                StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        }
    }

    /** Parses the text form (tests write small worlds this way). */
    public static AsRegions parse(String text) {
        try {
            return parse(new StringReader(text), "text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses the two sections, each announced by its {@code # format:} header. Names may hold anything, so fields
     * are counted from the ends of a line. A malformed line is an {@link IllegalArgumentException} naming the source
     * and line number.
     */
    public static AsRegions parse(Reader in, String source) throws IOException {
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        Map<String, String> orgCountry = new HashMap<>();
        Map<Long, String> asOrg = new HashMap<>();
        boolean auts = false;
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isEmpty()) continue;
            if (line.startsWith("#")) {
                if (line.startsWith("# format:aut|")) auts = true;
                else if (line.startsWith("# format:org_id|")) auts = false;
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length < (auts ? 6 : 5)) throw bad(source, lineNo, line, auts
                    ? "expected aut|changed|aut_name|org_id|opaque_id|source" : "expected org_id|changed|org_name|country|source");
            if (auts) {
                long as;
                try {
                    as = Long.parseLong(f[0]);
                } catch (NumberFormatException e) {
                    throw bad(source, lineNo, line, "AS number expected");
                }
                asOrg.put(as, f[f.length - 3]);
            } else {
                orgCountry.put(f[0], f[f.length - 2]);
            }
        }
        long[] a = asOrg.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        byte[] reg = new byte[a.length];
        int n = 0;
        for (long as : a) {
            Region g = CONTINENT.get(orgCountry.getOrDefault(asOrg.get(as), ""));
            if (g == null) continue;
            a[n] = as;
            reg[n++] = (byte) g.ordinal();
        }
        return new AsRegions(Arrays.copyOf(a, n), Arrays.copyOf(reg, n));
    }

    private static IllegalArgumentException bad(String source, int lineNo, String line, String why) {
        return new IllegalArgumentException("world: AS organisations " + source + ":" + lineNo + ": '" + line + "': " + why);
    }

    /** The region of {@code as}, or empty if it has none. */
    public Optional<Region> regionOf(long as) {
        int i = Arrays.binarySearch(asn, as);
        return i < 0 ? Optional.empty() : Optional.of(Region.values()[region[i]]);
    }

    /** Number of ASes with a region. */
    public int size() { return asn.length; }

    /** For each node of {@code g}, its region's bit ({@code 1 << ordinal}), 0 for none. */
    int[] bitsFor(AsGraph g) {
        int[] out = new int[g.size()];
        for (int i = 0; i < asn.length; i++) {
            int v = g.index(asn[i]);
            if (v >= 0) out[v] = 1 << region[i];
        }
        return out;
    }
}
