package net.nsglobal.te.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The plain PostgreSQL path on the embedded PostgreSQL: every method, de-duplication, roll-ups, retention. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PostgresMeasurementStoreTest {
    @TempDir static Path dir;
    static Database db;
    static MeasurementStore store;

    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeAll
    static void open() throws Exception {
        db = Database.embedded(dir);
        store = MeasurementStores.open(db, StoreSettings.defaults());
    }

    @AfterAll
    static void close() {
        if (db != null) db.close();
    }

    @BeforeEach
    void empty() {
        db.jdbi().useHandle(h -> {
            h.execute("TRUNCATE te_probe, te_round, te_round_ping, te_catchment, te_ping, te_share, te_config_change, te_spend");
            h.execute("UPDATE te_store_state SET raw_deleted_before = NULL");
        });
    }

    static CatchmentSample c(long msm, int probe, Instant t, String site) {
        return new CatchmentSample(msm, probe, t, site, 12.5, null);
    }

    static long rows(String table) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void theEmbeddedDatabaseTakesThePlainPath() {
        assertThat(store.path()).isEqualTo("postgresql");
        List<String> brin = db.jdbi().withHandle(h -> h.createQuery("SELECT tablename FROM pg_indexes "
                + "WHERE indexdef LIKE '%USING brin (ts)%' ORDER BY 1").mapTo(String.class).list());
        assertThat(brin).containsExactly("te_catchment", "te_ping");
    }

    @Test
    void probesAreUpsertedAndReadBack() {
        store.upsertProbes(List.of(new ProbeInfo(7, 3320L, "DE", 52.5, 13.4), new ProbeInfo(3, null, null, -33.9, 151.2)));
        store.upsertProbes(List.of(new ProbeInfo(7, 1299L, "SE", 59.3, 18.1)));
        assertThat(store.probes()).containsExactly(new ProbeInfo(3, null, null, -33.9, 151.2),
                new ProbeInfo(7, 1299L, "SE", 59.3, 18.1));
    }

    @Test
    void roundsAreRecordedAndFoundByStartTime() {
        assertThat(store.latestRound()).isEmpty();
        Round r1 = store.openRound(T0, "simulated", 1001, Map.of("ams1", 2001L, "fra1", 2002L));
        Round r2 = store.openRound(T0.plusSeconds(900), "ripe-atlas", 1003, Map.of());
        assertThat(r2.id()).isGreaterThan(r1.id());
        assertThat(store.rounds(T0, T0.plusSeconds(900))).containsExactly(r1);
        assertThat(store.rounds(T0.minusSeconds(1), T0.plusSeconds(901))).containsExactly(r1, r2);
        assertThat(store.rounds(T0.plusSeconds(901), T0.plusSeconds(2000))).isEmpty();
        assertThat(store.latestRound()).contains(r2);
        assertThat(store.rounds(T0, T0.plusSeconds(1)).get(0).pingMsms()).isEqualTo(Map.of("ams1", 2001L, "fra1", 2002L));
    }

    @Test
    void catchmentSamplesRoundTripWithNullsNaNAndAwkwardText() {
        List<CatchmentSample> in = List.of(
                new CatchmentSample(5, 1, T0, "ams1", 3.25, null),
                new CatchmentSample(5, 2, T0, null, Double.NaN, "timeout"),
                new CatchmentSample(5, 3, T0.plusSeconds(1), "fra1", 40.0, "odd\ttab\nnewline\\back\rslash é"));
        assertThat(store.ingestCatchment(in)).isEqualTo(3);
        assertThat(rows("te_catchment WHERE rtt_ms IS NULL AND site IS NULL AND error = 'timeout'")).isEqualTo(1);
        List<CatchmentSample> out = store.catchment(5);
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isEqualTo(in.get(0));
        assertThat(out.get(1).site()).isNull();
        assertThat(out.get(1).rttMs()).isNaN();
        assertThat(out.get(1).error()).isEqualTo("timeout");
        assertThat(out.get(2)).isEqualTo(in.get(2));
        assertThat(store.catchment(6)).isEmpty();
    }

    @Test
    void pingSamplesRoundTrip() {
        List<PingSample> in = List.of(new PingSample(9, 1, T0, "ams1", 7.5, 3, 3),
                new PingSample(9, 2, T0.plusSeconds(2), "ams1", Double.NaN, 3, 0));
        assertThat(store.ingestPings(in)).isEqualTo(2);
        assertThat(rows("te_ping WHERE min_rtt_ms IS NULL")).as("no RTT is NULL to SQL (avg, min skip it), not NaN").isEqualTo(1);
        List<PingSample> out = store.pings(9);
        assertThat(out.get(0)).isEqualTo(in.get(0));
        assertThat(out.get(1).minRttMs()).isNaN();
        assertThat(out.get(1).received()).isZero();
        assertThat(store.pings(10)).isEmpty();
    }

    @Test
    void duplicatesFromOverlappingWindowsAreStoredAndCountedOnce() {
        // fetch window 1 covers probes 1-3 at T0; window 2 overlaps it (probes 2-3 again) and adds probe 4
        List<CatchmentSample> first = List.of(c(5, 1, T0, "ams1"), c(5, 2, T0, "ams1"), c(5, 3, T0, "fra1"));
        List<CatchmentSample> second = List.of(c(5, 2, T0, "ams1"), c(5, 3, T0, "fra1"), c(5, 4, T0.plusSeconds(60), "fra1"),
                c(5, 4, T0.plusSeconds(60), "fra1")); // and a duplicate inside the batch
        assertThat(store.ingestCatchment(first)).isEqualTo(3);
        assertThat(store.ingestCatchment(second)).isEqualTo(1);
        assertThat(store.ingestCatchment(first)).isZero();
        assertThat(store.catchment(5)).hasSize(4);
        assertThat(rows("te_catchment")).isEqualTo(4);

        List<PingSample> p = List.of(new PingSample(9, 1, T0, "ams1", 7.5, 3, 3), new PingSample(9, 2, T0, "ams1", 8.5, 3, 3));
        assertThat(store.ingestPings(p)).isEqualTo(2);
        assertThat(store.ingestPings(List.of(p.get(1), new PingSample(9, 3, T0, "ams1", 9.5, 3, 3)))).isEqualTo(1);
        assertThat(rows("te_ping")).isEqualTo(3);
    }

    @Test
    void theSameProbeAndMeasurementAtAnotherTimeIsANewSample() {
        assertThat(store.ingestCatchment(List.of(c(5, 1, T0, "ams1")))).isEqualTo(1);
        assertThat(store.ingestCatchment(List.of(c(5, 1, T0.plusSeconds(900), "fra1"), c(6, 1, T0, "ams1")))).isEqualTo(2);
    }

    @Test
    void aLateSampleWithAnOlderTimestampIsKept() {
        store.ingestCatchment(List.of(c(5, 1, T0.plusSeconds(3600), "ams1")));
        assertThat(store.newestSample(5)).contains(T0.plusSeconds(3600));
        // uploaded later by a probe that was offline, with a timestamp before the newest one stored
        assertThat(store.ingestCatchment(List.of(c(5, 2, T0, "fra1")))).isEqualTo(1);
        assertThat(store.catchment(5)).extracting(CatchmentSample::probeId).containsExactly(2, 1);
        assertThat(store.newestSample(5)).contains(T0.plusSeconds(3600));
    }

    @Test
    void newestSampleLooksAtCatchmentAndPings() {
        assertThat(store.newestSample(5)).isEmpty();
        store.ingestPings(List.of(new PingSample(5, 1, T0.plusSeconds(30), "ams1", 1, 1, 1)));
        store.ingestCatchment(List.of(c(5, 1, T0, "ams1")));
        assertThat(store.newestSample(5)).contains(T0.plusSeconds(30));
    }

    @Test
    void aBadSampleRejectsTheBatchWithItsPositionAndStoresNothing() {
        List<CatchmentSample> batch = new ArrayList<>(List.of(c(5, 1, T0, "ams1"), c(5, 2, null, "ams1")));
        assertThatThrownBy(() -> store.ingestCatchment(batch)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("catchment sample #1").hasMessageContaining("probe 2").hasMessageContaining("no time");
        batch.set(1, new CatchmentSample(5, 2, T0, "ams\u00001", 1, null));
        assertThatThrownBy(() -> store.ingestCatchment(batch)).hasMessageContaining("NUL");
        batch.set(1, c(5, 2, Instant.parse("+10000-01-01T00:00:00Z"), "ams1"));
        assertThatThrownBy(() -> store.ingestCatchment(batch)).hasMessageContaining("outside years");
        assertThat(rows("te_catchment")).isZero();
        assertThat(store.ingestCatchment(List.of())).isZero();
    }

    @Test
    void rollupShareEqualsTheHandCount() {
        // 10:00-10:05: ams1 ×3, fra1 ×1 (and a timeout, not an answer); 10:05-10:10: fra1 ×2; 10:10-10:15: ams1 ×1
        store.ingestCatchment(List.of(
                c(5, 1, T0, "ams1"), c(5, 2, T0.plusSeconds(10), "ams1"), c(5, 3, T0.plusSeconds(299), "ams1"),
                c(5, 4, T0.plusSeconds(100), "fra1"), new CatchmentSample(5, 5, T0, null, Double.NaN, "timeout"),
                c(6, 1, T0.plusSeconds(300), "fra1"), c(6, 2, T0.plusSeconds(599), "fra1"),
                c(7, 1, T0.plusSeconds(600), "ams1")));
        store.refreshRollups(T0, T0.plusSeconds(900));
        Instant b0 = T0, b1 = T0.plusSeconds(300), b2 = T0.plusSeconds(600);
        assertThat(store.shareOverTime(T0, T0.plusSeconds(900), Duration.ofMinutes(5))).containsExactly(
                new SharePoint(b0, "ams1", 3), new SharePoint(b0, "fra1", 1),
                new SharePoint(b1, "fra1", 2), new SharePoint(b2, "ams1", 1));
        assertThat(store.shareOverTime(T0, T0.plusSeconds(900), Duration.ofMinutes(15))).containsExactly(
                new SharePoint(b0, "ams1", 4), new SharePoint(b0, "fra1", 3));
        assertThat(store.shareOverTime(b1, b2, Duration.ofMinutes(5))).containsExactly(new SharePoint(b1, "fra1", 2));
        assertThatThrownBy(() -> store.shareOverTime(T0, b2, Duration.ofMinutes(7))).hasMessageContaining("multiple");
    }

    @Test
    void aRefreshPicksUpLateSamplesAndOnlyTouchesItsWindow() {
        store.ingestCatchment(List.of(c(5, 1, T0, "ams1"), c(5, 2, T0.plusSeconds(3600), "ams1")));
        store.refreshRollups(T0.minusSeconds(600), T0.plusSeconds(7200));
        store.ingestCatchment(List.of(c(5, 3, T0.plusSeconds(1), "fra1"), c(5, 4, T0.plusSeconds(3601), "fra1")));
        store.refreshRollups(T0.plusSeconds(3000), T0.plusSeconds(4000)); // covers only the second hour's bucket
        assertThat(store.shareOverTime(T0, T0.plusSeconds(7200), Duration.ofMinutes(5))).containsExactly(
                new SharePoint(T0, "ams1", 1),
                new SharePoint(T0.plusSeconds(3600), "ams1", 1), new SharePoint(T0.plusSeconds(3600), "fra1", 1));
        assertThatThrownBy(() -> store.refreshRollups(T0, T0)).hasMessageContaining("empty");
    }

    @Test
    void retentionDeletesOnlyOldRawRowsAndKeepsTheRollups() {
        store.ingestCatchment(List.of(c(5, 1, T0, "ams1"), c(5, 2, T0.plusSeconds(3600), "ams1")));
        store.ingestPings(List.of(new PingSample(9, 1, T0, "ams1", 1, 1, 1), new PingSample(9, 1, T0.plusSeconds(3600), "ams1", 1, 1, 1)));
        store.refreshRollups(T0, T0.plusSeconds(7200));
        assertThat(store.deleteRawBefore(T0.plusSeconds(3600))).isEqualTo(2);
        assertThat(store.catchment(5)).extracting(CatchmentSample::probeId).containsExactly(2);
        assertThat(store.pings(9)).extracting(PingSample::time).containsExactly(T0.plusSeconds(3600));
        // a later refresh over the deleted hour must not erase its roll-up
        store.refreshRollups(T0, T0.plusSeconds(7200));
        assertThat(store.shareOverTime(T0, T0.plusSeconds(7200), Duration.ofHours(1))).containsExactly(
                new SharePoint(T0, "ams1", 1), new SharePoint(T0.plusSeconds(3600), "ams1", 1));
        assertThat(store.deleteRawBefore(T0)).isZero();
    }

    @Test
    void maintenanceRefreshesThenAppliesRetention() {
        Instant now = T0.plus(Duration.ofDays(100));
        store.ingestCatchment(List.of(c(5, 1, T0, "ams1"), c(5, 2, now.minusSeconds(600), "fra1")));
        assertThat(MeasurementStores.maintain(store, StoreSettings.defaults(), now)).isEqualTo(1);
        assertThat(store.catchment(5)).extracting(CatchmentSample::probeId).containsExactly(2);
        assertThat(store.shareOverTime(now.minus(Duration.ofDays(1)), now, Duration.ofMinutes(5)))
                .extracting(SharePoint::site).containsExactly("fra1");
    }

    @Test
    void configChangesAndSpendRoundTrip() {
        ConfigChange a = new ConfigChange(T0, "ams1", "prepend 2 to AS3356"), b = new ConfigChange(T0.plusSeconds(60), "fra1", "withdraw");
        long version = store.configChangeCount();
        store.recordConfigChange(b);
        store.recordConfigChange(a);
        assertThat(store.configChanges(T0, T0.plusSeconds(61))).containsExactly(a, b);
        assertThat(store.configChangeCount()).as("the configuration version").isEqualTo(version + 2);
        assertThat(store.configChanges(T0.plusSeconds(1), T0.plusSeconds(60))).isEmpty();
        Spend s1 = new Spend("catchment", 5, T0, 20.0), s2 = new Spend("ping", 9, T0.plusSeconds(5), 0);
        store.recordSpend(s1);
        store.recordSpend(s2);
        assertThat(store.spend(T0, T0.plusSeconds(6))).containsExactly(s1, s2);
        assertThat(store.spend(T0.plusSeconds(1), T0.plusSeconds(6))).containsExactly(s2);
        assertThat(store.spend(T0, T0.plusSeconds(5))).as("to is exclusive").containsExactly(s1);
        assertThatThrownBy(() -> store.recordSpend(new Spend("x", 1, T0, Double.NaN))).hasMessageContaining("credits");
    }
}
