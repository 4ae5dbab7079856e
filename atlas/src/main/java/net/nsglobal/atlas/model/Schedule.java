package net.nsglobal.atlas.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When the measurements run: once ({@code is_oneoff}, optionally at {@code start_time}) or periodically every
 * {@code interval} between {@code start_time} and {@code stop_time}. A periodic measurement must have a stop time:
 * without one it would spend credits every interval until someone stops it by hand.
 */
public sealed interface Schedule {

    Optional<Instant> start();

    record OneOff(Optional<Instant> start) implements Schedule {
        public OneOff {
            Objects.requireNonNull(start);
        }
    }

    record Periodic(Duration interval, Optional<Instant> start, Optional<Instant> stop) implements Schedule {
        public Periodic {
            Objects.requireNonNull(interval);
            if (interval.toSeconds() < 60) {
                throw new IllegalArgumentException("atlas: interval must be >= 60 s, not " + interval);
            }
            if (stop.isEmpty()) {
                throw new IllegalArgumentException("atlas: a periodic measurement needs a stop time (or a duration); "
                        + "without one it spends credits every interval until stopped by hand");
            }
            if (start.isPresent() && !stop.get().isAfter(start.get())) {
                throw new IllegalArgumentException("atlas: stop_time must be after start_time");
            }
        }
    }

    static Schedule oneOff() {
        return new OneOff(Optional.empty());
    }

    static Schedule periodic(Duration interval, Instant start, Instant stop) {
        return new Periodic(interval, Optional.ofNullable(start), Optional.ofNullable(stop));
    }

    /** Every {@code interval} from {@code start} for {@code duration}. */
    static Schedule periodicFor(Duration interval, Instant start, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("atlas: duration must be positive, not " + duration);
        }
        return new Periodic(interval, Optional.of(start), Optional.of(start.plus(duration)));
    }
}
