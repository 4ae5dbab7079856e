package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** Renders the server-side pages for every module: a template, or the one-message page. */
final class Pages {
    private final Views views = new Views();

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(views.render(template, params));
    }

    void page(Context ctx, int status, String title, String text, String href, String linkText) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("text", text);
        m.put("linkHref", href);
        m.put("linkText", linkText);
        render(ctx, status, "message.jte", m);
    }

    /**
     * The guard of every form page: a POST must carry the double-submit CSRF token ({@link Csrf}).
     */
    static void csrfOnPost(Context ctx) {
        if (ctx.method().name().equals("POST") && !Csrf.valid(ctx)) {
            throw new Halt(403, "Form expired", "The form was not sent from this site or has expired. Go back, reload "
                    + "the page and send it again.");
        }
    }
}
