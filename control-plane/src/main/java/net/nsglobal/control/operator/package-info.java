/**
 * Operators: the people who run NS-Global. Log-in with a name and password (Argon2id hashes), server-side sessions
 * (random ids stored only as their SHA-256, with an absolute lifetime and an idle timeout), API tokens for scripts
 * (made by the CLI, shown once, stored hashed), failed log-ins limited per client network and per name. Disabling an
 * operator stops its sessions and tokens at once. The settings are {@link net.nsglobal.control.operator.OperatorSettings}.
 *
 * <p>Uses {@code store} (its {@code OperatorStore}) and the sign-up's {@code RateLimiter}, {@code LimitKeys} and
 * {@code Tokens}. Used by the dashboard's operator pages and API and by the launcher's {@code ops} command.
 */
package net.nsglobal.control.operator;
