package net.nsglobal.te.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.nsglobal.platform.db.Database;
import net.nsglobal.te.store.MeasurementStores.Availability;
import net.nsglobal.te.store.MeasurementStores.Choice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The choice of path (TimescaleDB is not installed here, so its side is driven by made-up availability answers),
 * the TimescaleDB migration set as a file, and opening on the embedded PostgreSQL.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MeasurementStoresTest {
    @TempDir Path dir;

    static final Availability ABSENT = new Availability(false, false, false);
    static final Availability NOT_PRELOADED = new Availability(true, false, false);
    static final Availability READY = new Availability(true, false, true);
    static final Availability INSTALLED = new Availability(true, true, true);

    @Test
    void autoTakesTimescaleOnlyWhereTheExtensionCanBeUsed() {
        StoreSettings.Path auto = StoreSettings.Path.AUTO;
        assertThat(MeasurementStores.choose(auto, ABSENT).path()).isEqualTo("postgresql");
        Choice notPreloaded = MeasurementStores.choose(auto, NOT_PRELOADED);
        assertThat(notPreloaded.path()).isEqualTo("postgresql");
        assertThat(notPreloaded.reason()).contains("shared_preload_libraries");
        assertThat(MeasurementStores.choose(auto, READY).path()).isEqualTo("timescaledb");
        assertThat(MeasurementStores.choose(auto, INSTALLED).path()).isEqualTo("timescaledb");
    }

    @Test
    void aForcedPathIsTakenOrRefusedWithTheReason() {
        assertThat(MeasurementStores.choose(StoreSettings.Path.POSTGRESQL, READY).path()).isEqualTo("postgresql");
        assertThat(MeasurementStores.choose(StoreSettings.Path.TIMESCALEDB, READY).path()).isEqualTo("timescaledb");
        assertThatThrownBy(() -> MeasurementStores.choose(StoreSettings.Path.TIMESCALEDB, ABSENT))
                .hasMessageContaining("pg_available_extensions does not list timescaledb");
        assertThatThrownBy(() -> MeasurementStores.choose(StoreSettings.Path.TIMESCALEDB, NOT_PRELOADED))
                .hasMessageContaining("shared_preload_libraries");
    }

    @Test
    void sharedPreloadLibrariesIsReadAsAList() {
        assertThat(MeasurementStores.preloads("")).isFalse();
        assertThat(MeasurementStores.preloads("pg_stat_statements")).isFalse();
        assertThat(MeasurementStores.preloads("pg_stat_statements, timescaledb")).isTrue();
        assertThat(MeasurementStores.preloads("'$libdir/timescaledb'")).isTrue();
        assertThat(MeasurementStores.preloads("timescaledb_toolkit")).isFalse();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = MeasurementStoresTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theTimescaleMigrationSetDoesWhatTheDocsSayAndDropsNothing() throws IOException {
        String sql = resource("db/migration/te-timescale/V1__te_timescale.sql");
        String code = sql.replaceAll("(?m)--.*$", "");
        assertThat(code).contains("CREATE EXTENSION IF NOT EXISTS timescaledb",
                "create_hypertable('te_catchment', by_range('ts'", "create_hypertable('te_ping', by_range('ts'",
                "WITH (timescaledb.continuous", "time_bucket(INTERVAL '5 minutes', ts)",
                "add_continuous_aggregate_policy('te_share_cagg'", "timescaledb.compress_segmentby",
                "add_compression_policy('te_catchment'", "add_retention_policy('te_catchment'",
                "add_retention_policy('te_ping'");
        assertThat(code.toUpperCase()).doesNotContain("DROP ").doesNotContain("TRUNCATE").doesNotContain("DELETE ");
        // the plain set stays free of TimescaleDB, or the default path could not run
        String plain = resource("db/migration/te/V1__te_store.sql").replaceAll("(?m)--.*$", "");
        assertThat(plain.toLowerCase()).doesNotContain("timescaledb").doesNotContain("hypertable").doesNotContain("time_bucket");
        assertThat(SqlMeasurementStore.ROLLUP_BUCKET).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void openOnTheEmbeddedDatabaseLogsThePlainPathAndForcingTimescaleFailsBeforeMigrating() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MeasurementStores.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try (Database db = Database.embedded(dir)) {
            assertThatThrownBy(() -> MeasurementStores.open(db, StoreSettings.defaults().withPath(StoreSettings.Path.TIMESCALEDB)))
                    .hasMessageContaining("timescaledb");
            boolean none = db.jdbi().withHandle(h -> h.createQuery("SELECT to_regclass('te_catchment') IS NULL")
                    .mapTo(Boolean.class).one());
            assertThat(none).as("nothing migrated").isTrue();
            MeasurementStore s = MeasurementStores.open(db, StoreSettings.defaults());
            assertThat(s).isInstanceOf(PostgresMeasurementStore.class);
            assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("te store: path=postgresql (timescaledb not in pg_available_extensions)");
            assertThat(MeasurementStores.open(db, StoreSettings.defaults()).path()).as("reopen").isEqualTo("postgresql");
        } finally {
            logger.detachAppender(seen);
        }
    }

    @Test
    void settingsRejectRefreshWindowsTooShortOrReachingPastRetention() {
        assertThatThrownBy(() -> new StoreSettings(StoreSettings.Path.AUTO, Duration.ofDays(2), Duration.ofDays(3), Duration.ofDays(1)))
                .hasMessageContaining("shorter than raw retention");
        assertThatThrownBy(() -> new StoreSettings(StoreSettings.Path.AUTO, Duration.ZERO, Duration.ofDays(3), Duration.ofDays(1)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new StoreSettings(StoreSettings.Path.AUTO, Duration.ofDays(2), Duration.ofMinutes(10), Duration.ofDays(1)))
                .hasMessageContaining("at least 15 minutes");
    }
}
