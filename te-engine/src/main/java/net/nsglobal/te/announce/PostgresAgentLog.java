package net.nsglobal.te.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.nsglobal.platform.db.Database;
import net.nsglobal.te.store.StoreException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AgentLog} on the platform's PostgreSQL (tables of {@code db/migration/te/V3__te_site_agents.sql}). A report
 * older than what the site's row holds changes nothing (reports retried after a lost answer arrive late), and a
 * transition reported twice is stored once. A database error is a {@link StoreException} (the HTTP endpoint answers
 * 503 and the agent retries); every stored transition is logged with component and site.
 */
public final class PostgresAgentLog implements AgentLog {
    private static final Logger log = LoggerFactory.getLogger(PostgresAgentLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final Clock clock;

    /** Runs the te module's migrations (idempotent) and opens the log. */
    public static PostgresAgentLog open(Database db, Clock clock) {
        db.migrate("te");
        return new PostgresAgentLog(db.jdbi(), clock);
    }

    private PostgresAgentLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public void record(String site, AgentEvent e) {
        Timestamp now = Timestamp.from(clock.instant());
        int stored = run(() -> jdbi.inTransaction(h -> {
            int n = h.createUpdate("INSERT INTO te_agent_event (site, at, event, from_state, to_state, reason, checks, "
                            + "received) VALUES (:site, :at, :event, :from, :to, :reason, CAST(:checks AS jsonb), :now) "
                            + "ON CONFLICT (site, at, to_state) DO NOTHING")
                    .bind("site", site).bind("at", Timestamp.from(e.at())).bind("event", e.event())
                    .bind("from", e.from().name()).bind("to", e.to().name()).bind("reason", e.reason())
                    .bind("checks", AgentReportJson.write(AgentReportJson.checks(e.checks())))
                    .bind("now", now).execute();
            // The site's row follows the transition unless a later report is there already.
            h.createUpdate("INSERT INTO te_agent_site (site, state, since, reason, drain, healthy_in_a_row, "
                            + "failed_in_a_row, rise, fall, last_checks, last_check, applied, apply_error, reported) "
                            + "VALUES (:site, :state, :at, :reason, :drain, 0, 0, 0, 0, CAST(:checks AS jsonb), NULL, "
                            + "false, NULL, :now) ON CONFLICT (site) DO UPDATE SET state = excluded.state, "
                            + "since = excluded.since, reason = excluded.reason, reported = excluded.reported "
                            + "WHERE te_agent_site.since <= excluded.since")
                    .bind("site", site).bind("state", e.to().name()).bind("at", Timestamp.from(e.at()))
                    .bind("reason", e.reason()).bind("drain", e.to() == AgentState.State.DRAINING)
                    .bind("checks", AgentReportJson.write(AgentReportJson.checks(e.checks())))
                    .bind("now", now).execute();
            return n;
        }));
        if (stored > 0) {
            log.info("component=site-agents site={} event={} from={} to={} at={} reason=\"{}\"", site, e.event(),
                    e.from(), e.to(), e.at(), e.reason());
        }
    }

    @Override
    public void status(AgentState s) {
        Timestamp now = Timestamp.from(clock.instant());
        Instant asOf = s.lastCheck() != null ? s.lastCheck() : s.since();
        run(() -> jdbi.withHandle(h -> h.createUpdate("INSERT INTO te_agent_site (site, state, since, reason, drain, "
                        + "healthy_in_a_row, failed_in_a_row, rise, fall, last_checks, last_check, applied, apply_error, "
                        + "reported) VALUES (:site, :state, :since, :reason, :drain, :hr, :fr, :rise, :fall, "
                        + "CAST(:checks AS jsonb), :lastCheck, :applied, :applyError, :now) ON CONFLICT (site) DO UPDATE "
                        + "SET state = excluded.state, since = excluded.since, reason = excluded.reason, "
                        + "drain = excluded.drain, healthy_in_a_row = excluded.healthy_in_a_row, "
                        + "failed_in_a_row = excluded.failed_in_a_row, rise = excluded.rise, fall = excluded.fall, "
                        + "last_checks = excluded.last_checks, last_check = excluded.last_check, "
                        + "applied = excluded.applied, apply_error = excluded.apply_error, reported = excluded.reported "
                        + "WHERE greatest(te_agent_site.since, coalesce(te_agent_site.last_check, te_agent_site.since)) "
                        + "<= :asOf")
                .bind("site", s.site()).bind("state", s.state().name()).bind("since", Timestamp.from(s.since()))
                .bind("reason", s.reason()).bind("drain", s.drain()).bind("hr", s.healthyInARow())
                .bind("fr", s.failedInARow()).bind("rise", s.rise()).bind("fall", s.fall())
                .bind("checks", AgentReportJson.write(AgentReportJson.checks(s.lastChecks())))
                .bind("lastCheck", s.lastCheck() == null ? null : Timestamp.from(s.lastCheck()))
                .bind("applied", s.applied()).bind("applyError", s.applyError()).bind("now", now)
                .bind("asOf", Timestamp.from(asOf)).execute()));
    }

    @Override
    public List<Site> sites() {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT * FROM te_agent_site ORDER BY site")
                .map((rs, ctx) -> new Site(new AgentState(rs.getString("site"),
                        AgentState.State.valueOf(rs.getString("state")), instant(rs, "since"), rs.getString("reason"),
                        rs.getBoolean("drain"), rs.getInt("healthy_in_a_row"), rs.getInt("failed_in_a_row"),
                        rs.getInt("rise"), rs.getInt("fall"), verdicts(rs.getString("last_checks")),
                        instant(rs, "last_check"), rs.getBoolean("applied"), rs.getString("apply_error")),
                        instant(rs, "reported")))
                .list()));
    }

    @Override
    public List<Entry> history(int limit) {
        return run(() -> jdbi.withHandle(h -> h.createQuery("SELECT * FROM te_agent_event ORDER BY at DESC, id DESC "
                        + "LIMIT :limit").bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getString("site"), new AgentEvent(instant(rs, "at"),
                        AgentState.State.valueOf(rs.getString("from_state")),
                        AgentState.State.valueOf(rs.getString("to_state")), rs.getString("reason"),
                        verdicts(rs.getString("checks")))))
                .list()));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<Verdict> verdicts(String json) {
        List<Verdict> out = new ArrayList<>();
        try {
            for (JsonNode c : JSON.readTree(json)) {
                out.add(new Verdict(c.path("check").asText(), c.path("healthy").asBoolean(), c.path("detail").asText()));
            }
        } catch (JsonProcessingException e) {
            throw new StoreException("te-engine site agents: unreadable checks " + json, e);
        }
        return out;
    }

    private static <T> T run(Supplier<T> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new StoreException("te-engine site agents: database error: " + e.getMessage(), e);
        }
    }
}
