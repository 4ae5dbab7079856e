package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;
import net.nsglobal.control.operator.Operators;
import net.nsglobal.control.store.Operator;

/**
 * Who the operator is: the session cookie of the operators' pages, or an API token ({@code Authorization: Bearer},
 * RFC 6750 §2.1). The cookie is {@code HttpOnly; SameSite=Strict; Path=/ops} ({@code Secure} when the public URL is
 * https): scripts cannot read it, no cross-site request carries it, and the public pages never receive it.
 */
final class OperatorAuth {
    static final String COOKIE = "nsg_ops";
    /** Where the operator found by a guard is kept for the handler. */
    static final String ATTRIBUTE = "nsglobal.operator";

    private final Operators operators;

    OperatorAuth(Operators operators) { this.operators = operators; }

    Operators operators() { return operators; }

    /** The operator of the request's live session, if any. */
    Optional<Operator> session(Context ctx) {
        String id = ctx.cookie(COOKIE);
        return id == null ? Optional.empty() : operators.session(id);
    }

    /** Guard of the operators' pages: no live session → to the log-in form. */
    void requireSession(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Operator op = session(ctx).orElseThrow(() -> Halt.seeOther("/ops/login"));
        ctx.attribute(ATTRIBUTE, op);
    }

    /** Guard of the operators' API: a valid API token, or else a live session; 401 otherwise. */
    void requireBearerOrSession(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        String auth = ctx.header("Authorization");
        Optional<Operator> op;
        if (auth != null) {
            // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 9110 §11.1)
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"nsglobal-ops\"");
                throw new Halt(401, "Not authenticated", "Send an operator's API token as Authorization: Bearer TOKEN.");
            }
            op = operators.bearer(auth.substring(7).trim());
            if (op.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"nsglobal-ops\", error=\"invalid_token\"");
                throw new Halt(401, "Not authenticated", "The API token is unknown, revoked, or its operator is "
                        + "disabled.");
            }
        } else {
            op = session(ctx);
            if (op.isEmpty()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"nsglobal-ops\"");
                throw new Halt(401, "Not authenticated", "Operators only: send an operator's API token as "
                        + "Authorization: Bearer TOKEN (./nsglobal ops token create).");
            }
        }
        ctx.attribute(ATTRIBUTE, op.get());
    }

    void setCookie(Context ctx, String sessionId) {
        ctx.cookie(new Cookie(COOKIE, sessionId, "/ops", (int) operators.settings().sessionLifetime().toSeconds(),
                operators.settings().secureCookie(), true, null, SameSite.STRICT));
    }

    void clearCookie(Context ctx) {
        ctx.cookie(new Cookie(COOKIE, "", "/ops", 0, operators.settings().secureCookie(), true, null,
                SameSite.STRICT));
    }
}
