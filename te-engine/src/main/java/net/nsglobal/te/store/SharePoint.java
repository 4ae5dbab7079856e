package net.nsglobal.te.store;

import java.time.Instant;

/** Roll-up row: in the time bucket starting at {@code bucket}, {@code samples} catchment answers came from {@code site}. */
public record SharePoint(Instant bucket, String site, long samples) {}
