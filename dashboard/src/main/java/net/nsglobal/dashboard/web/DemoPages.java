package net.nsglobal.dashboard.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The demo's embedded mailbox ({@code /demo/mailbox}); mounted only when the demo gives a mailbox. No POST. */
final class DemoPages implements WebModule {
    private final Supplier<List<DemoMail>> mailbox;
    private final Pages pages;

    DemoPages(Supplier<List<DemoMail>> mailbox, Pages pages) {
        this.mailbox = mailbox;
        this.pages = pages;
    }

    @Override
    public void mount(Mount routes) {
        routes.get("/demo/mailbox", this::mailboxPage);
    }

    private void mailboxPage(Context ctx) {
        pages.render(ctx, 200, "mailbox.jte", Map.of("mails", mailbox.get()));
    }
}
