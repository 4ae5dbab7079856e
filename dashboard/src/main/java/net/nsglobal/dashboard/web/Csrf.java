package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection without sessions: a random token in a SameSite=Strict, HttpOnly cookie that every form echoes in a
 * hidden field (double submit). A cross-site form can neither read the cookie nor make the browser send it.
 */
final class Csrf {
    static final String COOKIE = "nsg_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** The visitor's token, set as a cookie when missing. */
    static String token(Context ctx) {
        String t = ctx.cookie(COOKIE);
        if (t != null && t.matches("[A-Za-z0-9_-]{32}")) return t;
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        t = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ctx.cookie(new Cookie(COOKIE, t, "/", -1, false, true, null, SameSite.STRICT));
        return t;
    }

    static boolean valid(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        String field = ctx.formParam("csrf");
        if (cookie == null || field == null) return false;
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
