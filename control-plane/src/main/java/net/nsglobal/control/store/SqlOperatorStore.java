package net.nsglobal.control.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** {@link OperatorStore} in the control plane's PostgreSQL (tables of migration V200). */
public final class SqlOperatorStore implements OperatorStore {
    /** PostgreSQL's unique_violation (Appendix A, "PostgreSQL Error Codes"). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;

    public SqlOperatorStore(Jdbi jdbi) { this.jdbi = jdbi; }

    @Override
    public Operator add(String name, String passwordHash) {
        try {
            long id = jdbi.withHandle(h -> h.createUpdate(
                    "insert into operator (name, password_hash) values (:n, :p)")
                    .bind("n", name).bind("p", passwordHash).executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class).one());
            return new Operator(id, name, false);
        } catch (UnableToExecuteStatementException e) {
            if (unique(e)) throw new NameTaken("operator " + name + " already exists");
            throw e;
        }
    }

    @Override
    public Optional<Credentials> credentials(String name) {
        return jdbi.withHandle(h -> h.createQuery("select * from operator where name = :n").bind("n", name)
                .map((rs, ctx) -> new Credentials(new Operator(rs.getLong("id"), rs.getString("name"),
                        rs.getTimestamp("disabled_at") != null), rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public boolean disable(String name) {
        return jdbi.inTransaction(h -> {
            Optional<Long> id = h.createQuery("""
                    update operator set disabled_at = coalesce(disabled_at, now()) where name = :n returning id""")
                    .bind("n", name).mapTo(Long.class).findOne();
            id.ifPresent(i -> h.createUpdate("delete from operator_session where operator_id = :i").bind("i", i)
                    .execute());
            return id.isPresent();
        });
    }

    @Override
    public void addSession(long operatorId, byte[] idHash, Instant now, Instant expiresAt) {
        jdbi.useHandle(h -> h.createUpdate("""
                insert into operator_session (id_hash, operator_id, created_at, last_seen_at, expires_at)
                values (:h, :o, :now, :now, :exp)""")
                .bind("h", idHash).bind("o", operatorId).bind("now", Timestamp.from(now))
                .bind("exp", Timestamp.from(expiresAt)).execute());
    }

    @Override
    public Optional<Operator> session(byte[] idHash, Instant now, Duration idle) {
        return jdbi.withHandle(h -> h.createQuery("""
                update operator_session s set last_seen_at = :now
                from operator o
                where s.id_hash = :h and o.id = s.operator_id and o.disabled_at is null
                  and s.expires_at > :now and s.last_seen_at > :idleSince
                returning o.id, o.name""")
                .bind("h", idHash).bind("now", Timestamp.from(now)).bind("idleSince", Timestamp.from(now.minus(idle)))
                .map((rs, ctx) -> new Operator(rs.getLong("id"), rs.getString("name"), false)).findOne());
    }

    @Override
    public void endSession(byte[] idHash) {
        jdbi.useHandle(h -> h.createUpdate("delete from operator_session where id_hash = :h").bind("h", idHash)
                .execute());
    }

    @Override
    public void addToken(String name, long operatorId, byte[] tokenHash) {
        try {
            jdbi.useHandle(h -> h.createUpdate(
                    "insert into api_token (name, token_hash, operator_id) values (:n, :h, :o)")
                    .bind("n", name).bind("h", tokenHash).bind("o", operatorId).execute());
        } catch (UnableToExecuteStatementException e) {
            if (unique(e)) throw new NameTaken("token " + name + " already exists");
            throw e;
        }
    }

    @Override
    public boolean revokeToken(String name) {
        return jdbi.withHandle(h -> h.createUpdate(
                "update api_token set revoked_at = now() where name = :n and revoked_at is null")
                .bind("n", name).execute()) > 0;
    }

    @Override
    public Optional<Operator> tokenOwner(byte[] tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("""
                select o.id, o.name from api_token t join operator o on o.id = t.operator_id
                where t.token_hash = :h and t.revoked_at is null and o.disabled_at is null""")
                .bind("h", tokenHash)
                .map((rs, ctx) -> new Operator(rs.getLong("id"), rs.getString("name"), false)).findOne());
    }

    private static boolean unique(UnableToExecuteStatementException e) {
        return e.getCause() instanceof java.sql.SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState());
    }
}
