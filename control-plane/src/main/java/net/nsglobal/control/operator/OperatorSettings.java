package net.nsglobal.control.operator;

import java.time.Duration;
import net.nsglobal.control.config.Schema;

/**
 * The operators' log-in settings: the {@code control-plane.operators:} keys of the config, plus whether the cookie is
 * {@code Secure} (the public URL is https). Tests pass their own.
 *
 * @param sessionLifetime   a session ends this long after log-in, however busy
 * @param idleTimeout       a session unused for this long ends
 * @param attemptWindow     the sliding window the failed-attempt limits count in
 * @param failuresPerClient failed log-ins per window from one client network (IPv4 /24, IPv6 /64 and /48)
 * @param failuresPerName   failed log-ins per window for one operator name, from anywhere
 * @param secureCookie      mark the session cookie {@code Secure} (the public URL is https)
 */
public record OperatorSettings(Duration sessionLifetime, Duration idleTimeout, Duration attemptWindow,
                               int failuresPerClient, int failuresPerName, boolean secureCookie) {
    /** The schema's defaults (a tool without a config file, such as the operator CLI given only a database). */
    public static OperatorSettings defaults(String publicUrl) {
        return new OperatorSettings(Schema.OPS_SESSION_LIFETIME.defaultValue(), Schema.OPS_IDLE_TIMEOUT.defaultValue(),
                Schema.OPS_ATTEMPT_WINDOW.defaultValue(), Schema.OPS_FAILURES_PER_CLIENT.defaultValue(),
                Schema.OPS_FAILURES_PER_NAME.defaultValue(), publicUrl.regionMatches(true, 0, "https:", 0, 6));
    }

    /** The settings a control plane runs with: its {@code operators:} section and its public URL's scheme. */
    public static OperatorSettings of(net.nsglobal.control.config.ControlPlaneConfig config) {
        var o = config.operators();
        return new OperatorSettings(o.sessionLifetime(), o.idleTimeout(), o.attemptWindow(), o.failuresPerClient(),
                o.failuresPerName(), config.publicUrl().regionMatches(true, 0, "https:", 0, 6));
    }
}
