package net.nsglobal.control.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import net.nsglobal.control.signup.LimitKeys;
import net.nsglobal.control.signup.RateLimiter;
import net.nsglobal.control.signup.Tokens;
import net.nsglobal.control.store.Operator;
import net.nsglobal.control.store.OperatorStore;

/**
 * Operators' authentication: log-in with a password (Argon2id), server-side sessions, and API tokens; plus the
 * management the CLI does (add, disable, create and revoke tokens).
 * <p>
 * Session ids and API tokens are 256 random bits ({@link Tokens}); only their SHA-256 is stored. Failed log-ins are
 * limited per client network and per operator name in a sliding window (the sign-up's {@link RateLimiter}); a
 * client over either limit is refused before any password is checked. An unknown name costs one Argon2id
 * verification like a known one, so the answer time does not reveal which names exist.
 */
public final class Operators {
    /** Operator and token names: what an operator would type, and safe in logs and pages. */
    private static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";
    public static final int MIN_PASSWORD = 12;

    private final OperatorStore store;
    private final OperatorSettings settings;
    private final Clock clock;
    private final RateLimiter failures;

    public Operators(OperatorStore store, OperatorSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.failures = new RateLimiter(clock, settings.attemptWindow(), 100_000);
    }

    public OperatorSettings settings() { return settings; }

    /** A clear error for bad input to the management commands; nothing was changed. */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) { super(message, null, false, false); }
    }

    // ---- management (CLI) --------------------------------------------------------------------------------------

    /**
     * @throws Invalid                  for a malformed name or a password shorter than {@value #MIN_PASSWORD}
     * @throws OperatorStore.NameTaken  for a name in use
     */
    public Operator add(String name, CharSequence password) {
        checkName("operator", name);
        if (password.length() < MIN_PASSWORD) {
            throw new Invalid("operator " + name + ": the password must have at least " + MIN_PASSWORD + " characters");
        }
        return store.add(name, Passwords.hash(password));
    }

    /** @throws Invalid when there is no such operator */
    public void disable(String name) {
        if (!store.disable(name)) throw new Invalid("no operator named " + name);
    }

    /**
     * A new API token for {@code operatorName}, returned once (only its hash is kept).
     *
     * @throws Invalid                 for a malformed token name or an unknown or disabled operator
     * @throws OperatorStore.NameTaken for a token name in use
     */
    public String createToken(String tokenName, String operatorName) {
        checkName("token", tokenName);
        OperatorStore.Credentials c = store.credentials(operatorName)
                .orElseThrow(() -> new Invalid("no operator named " + operatorName));
        if (c.operator().disabled()) throw new Invalid("operator " + operatorName + " is disabled");
        String token = Tokens.newToken();
        store.addToken(tokenName, c.operator().id(), Tokens.hash(token));
        return token;
    }

    /** @throws Invalid when there is no such token, or it was already revoked */
    public void revokeToken(String name) {
        if (!store.revokeToken(name)) throw new Invalid("no active token named " + name);
    }

    private static void checkName(String what, String name) {
        if (name == null || !name.matches(NAME)) {
            throw new Invalid(what + " name " + (name == null ? "" : "'" + name + "' ") + "is not valid: use 1 to 63 "
                    + "lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    // ---- authentication (web) ----------------------------------------------------------------------------------

    public LogIn logIn(String clientIp, String name, String password) {
        String who = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        String pw = password == null ? "" : password;
        List<String> keys = Stream.concat(LimitKeys.client(clientIp).stream().map(k -> "ops-" + k),
                Stream.of("ops-name:" + who)).toList();
        for (String k : keys) {
            if (!failures.hasRoom(k, limit(k))) {
                return new LogIn.Limited("Too many failed log-ins from your network or for this name. Wait "
                        + settings.attemptWindow().toMinutes() + " minutes and try again.");
            }
        }
        Optional<OperatorStore.Credentials> c = who.matches(NAME) ? store.credentials(who) : Optional.empty();
        boolean ok = c.isPresent() ? Passwords.matches(pw, c.get().passwordHash()) : Passwords.burn(pw);
        if (!ok) {
            for (String k : keys) failures.tryAcquire(k, limit(k));
            return new LogIn.Refused("Wrong name or password.");
        }
        if (c.get().operator().disabled()) {
            return new LogIn.Disabled("The operator " + who + " is disabled.");
        }
        String id = Tokens.newToken();
        Instant now = clock.instant();
        store.addSession(c.get().operator().id(), Tokens.hash(id), now, now.plus(settings.sessionLifetime()));
        return new LogIn.LoggedIn(c.get().operator(), id);
    }

    private int limit(String key) {
        return key.startsWith("ops-name:") ? settings.failuresPerName() : settings.failuresPerClient();
    }

    /** The operator of a live session (and marks it used); empty for anything else, malformed ids included. */
    public Optional<Operator> session(String sessionId) {
        byte[] h = Tokens.hash(sessionId);
        return h == null ? Optional.empty() : store.session(h, clock.instant(), settings.idleTimeout());
    }

    public void logOut(String sessionId) {
        byte[] h = Tokens.hash(sessionId);
        if (h != null) store.endSession(h);
    }

    /** The operator of an active API token; empty for anything else. */
    public Optional<Operator> bearer(String token) {
        byte[] h = Tokens.hash(token);
        return h == null ? Optional.empty() : store.tokenOwner(h);
    }
}
