package net.nsglobal.dashboard.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** Registers routes, each running its module's guards (in the order added) before its handler. */
final class Mount {
    /** Refuses a request by throwing {@link Halt}; returns normally to let it through. */
    @FunctionalInterface
    interface Guard {
        void check(Context ctx);
    }

    private final RoutesConfig routes;
    private final Guard guard;

    Mount(RoutesConfig routes) { this(routes, ctx -> {}); }

    private Mount(RoutesConfig routes, Guard guard) {
        this.routes = routes;
        this.guard = guard;
    }

    /** These routes behind one more guard, checked after the ones already in place. */
    Mount guarded(Guard more) {
        Guard first = guard;
        return new Mount(routes, ctx -> {
            first.check(ctx);
            more.check(ctx);
        });
    }

    void get(String path, Handler h) { routes.get(path, wrap(h)); }

    void post(String path, Handler h) { routes.post(path, wrap(h)); }

    private Handler wrap(Handler h) {
        Guard g = guard;
        return ctx -> {
            g.check(ctx);
            h.handle(ctx);
        };
    }
}
