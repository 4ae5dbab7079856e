/**
 * The control plane's configuration: the {@code control-plane:} section of its process file, declared key by key in
 * {@link net.nsglobal.control.config.Schema} (type, default, validation, doc line) and read once into the immutable
 * {@link net.nsglobal.control.config.ControlPlaneConfig} and its nested records (database, collector, catalog,
 * limits, sign-up), including how mail leaves ({@link net.nsglobal.control.config.SmtpSettings}: plain, STARTTLS per
 * RFC 3207 or implicit TLS per RFC 8314). Unknown keys and bad values fail naming the dotted key, file and line.
 *
 * <p>Uses the {@code config} kit and {@code validate} (address prefixes). Used by the control plane and by
 * {@code web}, {@code signup}, {@code status}, {@code mail} and the launcher.
 */
package net.nsglobal.control.config;
