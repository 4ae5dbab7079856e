package net.nsglobal.control.config;

/**
 * How the confirmation mail leaves: an SMTP relay. {@code security} is NONE (plain, tests and the demo's GreenMail),
 * STARTTLS (RFC 3207, port 587) or TLS (implicit TLS, RFC 8314, port 465). Empty user = no AUTH.
 */
public record SmtpSettings(String host, int port, Security security, String user, String password, String from) {
    public enum Security {
        NONE, STARTTLS, TLS;

        /** As written in the config file: {@code none}, {@code starttls}, {@code tls}. */
        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) throw new IllegalArgumentException("smtp: host is required");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("smtp: port " + port + " is out of range");
        if (security == null) security = Security.NONE;
        if (from == null || from.isBlank()) from = "NS-Global <no-reply@nsglobal.invalid>";
    }

    public boolean authenticated() { return user != null && !user.isEmpty(); }
}
