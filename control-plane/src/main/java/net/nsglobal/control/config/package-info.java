/**
 * The control plane's configuration: one immutable {@link net.nsglobal.control.config.ControlPlaneConfig} read strictly
 * from YAML (an unknown key or a bad value fails naming the key's path), including how mail leaves (SMTP plain,
 * STARTTLS per RFC 3207 or implicit TLS per RFC 8314) and the sign-up limits.
 *
 * <p>Uses {@code validate} (address prefixes). Used by the control plane and by {@code web}, {@code signup},
 * {@code status}, {@code mail} and {@code demo}.
 */
package net.nsglobal.control.config;
