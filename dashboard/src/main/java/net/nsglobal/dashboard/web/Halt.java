package net.nsglobal.dashboard.web;

/**
 * Ends a request early with a status and a short page (or JSON body for the API), or with a redirect
 * ({@link #seeOther}: a page that needs a log-in sends the browser to the log-in form).
 */
final class Halt extends RuntimeException {
    final int status;
    final String title;
    /** Non-null: answer 303 See Other to this path instead of a page. */
    final String location;

    Halt(int status, String title, String text) {
        this(status, title, text, null);
    }

    private Halt(int status, String title, String text, String location) {
        super(text, null, false, false);
        this.status = status;
        this.title = title;
        this.location = location;
    }

    static Halt seeOther(String location) {
        return new Halt(303, "See other", location, location);
    }
}
