/**
 * The public web pages (server-rendered JTE templates, no JavaScript) and the JSON API, on one Javalin server: sign-up,
 * change and removal forms, the confirmation page behind the mailed link, zone status, {@code /api/v1/...} for
 * automation and loopback-only operators' endpoints. Every page POST carries a double-submit CSRF token; every
 * response forbids framing and referrers, because the confirmation token is in the URL.
 *
 * <p>Uses {@code signup}, {@code status}, {@code store}, {@code config} and {@code validate}. Used by the control
 * plane and by {@code demo} (its demo-only mailbox page).
 */
package net.nsglobal.dashboard.web;
