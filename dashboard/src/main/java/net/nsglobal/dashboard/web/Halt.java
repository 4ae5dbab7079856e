package net.nsglobal.dashboard.web;

/** Ends a request early with a status and a short page (or JSON body for the API). */
final class Halt extends RuntimeException {
    final int status;
    final String title;

    Halt(int status, String title, String text) {
        super(text, null, false, false);
        this.status = status;
        this.title = title;
    }
}
