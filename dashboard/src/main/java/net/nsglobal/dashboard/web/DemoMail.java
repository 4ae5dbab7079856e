package net.nsglobal.dashboard.web;

import java.time.Instant;
import java.util.List;

/** A mail in the demo's embedded mailbox, for the demo-only page. */
public record DemoMail(String to, String subject, String body, Instant received, List<String> links) {}
