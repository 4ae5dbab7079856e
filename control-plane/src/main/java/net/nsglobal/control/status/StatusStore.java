package net.nsglobal.control.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The last check of each zone, in table {@code zone_status} (migration V300): the {@link ZoneStatus} as JSON, the
 * settings fingerprint it was made under, and when. Written only by the status jobs; read by pages and the API.
 * A row goes with its zone (foreign key, on delete cascade).
 */
final class StatusStore {
    /** A stored result; {@code inputs} is {@link StatusCheck#inputs()} at the time of the check. */
    record Stored(ZoneStatus status, String inputs, Instant checkedAt) {}

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule("instants")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new FromStringDeserializer<>(Instant.class) {
                        @Override
                        protected Instant _deserialize(String value, DeserializationContext ctx) {
                            return Instant.parse(value);
                        }
                    }))
            // Derived properties such as Delegation.complete() are written but are not record components.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Jdbi jdbi;

    StatusStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<Stored> load(String domain) {
        return jdbi.withHandle(h -> h.createQuery("select result, inputs, checked_at from zone_status where domain = :d")
                .bind("d", domain)
                .map((rs, ctx) -> new Stored(parse(domain, rs.getString(1)), rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .findOne());
    }

    /** Stores {@code s} unless the zone was removed meanwhile (then there is nothing to show it for). */
    void save(ZoneStatus s, String inputs) {
        String json;
        try {
            json = JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status " + s.domain() + ": cannot encode the result: " + e.getMessage(), e);
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into zone_status (domain, result, inputs, checked_at)
                        select :d, :r, :i, :t where exists (select 1 from zone where domain = :d)
                        on conflict (domain) do update set result = excluded.result, inputs = excluded.inputs,
                            checked_at = excluded.checked_at""")
                .bind("d", s.domain()).bind("r", json).bind("i", inputs).bind("t", Timestamp.from(s.checkedAt()))
                .execute());
    }

    private static ZoneStatus parse(String domain, String json) {
        try {
            return JSON.readValue(json, ZoneStatus.class);
        } catch (JsonProcessingException e) {
            // Written by an incompatible version: treat as never checked (the next check overwrites it).
            org.slf4j.LoggerFactory.getLogger(StatusStore.class)
                    .warn("status {}: stored result unreadable, checking again: {}", domain, e.getOriginalMessage());
            return null;
        }
    }
}
