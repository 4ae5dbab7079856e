package net.nsglobal.te.store;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's text format (PostgreSQL docs, COPY, "Text Format"): fields separated by a tab, rows ended by a
 * newline, NULL as {@code \N}, and backslash, tab, newline and carriage return inside a value escaped with a
 * backslash. Streamed into a {@link CopyIn} in chunks of about 64 KiB; PgJDBC's client encoding is always UTF-8.
 */
final class CopyText {
    private static final int CHUNK = 1 << 16;
    private final CopyIn sink;
    private final StringBuilder sb = new StringBuilder(CHUNK + 1024);
    private boolean rowStarted;

    CopyText(CopyIn sink) {
        this.sink = sink;
    }

    CopyText field(long v) {
        sep();
        sb.append(v);
        return this;
    }

    /** NaN (no value measured) is NULL. */
    CopyText field(double v) {
        sep();
        if (Double.isNaN(v)) sb.append("\\N");
        else sb.append(v); // Double.toString: digits, "Infinity", "-Infinity", all accepted by float8 input
        return this;
    }

    CopyText field(Instant t) {
        sep();
        sb.append(t); // ISO 8601 with 'Z', accepted by timestamptz input
        return this;
    }

    CopyText field(String s) {
        sep();
        if (s == null) {
            sb.append("\\N");
            return this;
        }
        appendEscaped(sb, s);
        return this;
    }

    static void appendEscaped(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
    }

    void endRow() throws SQLException {
        sb.append('\n');
        rowStarted = false;
        if (sb.length() >= CHUNK) flush();
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server received. */
    long finish() throws SQLException {
        flush();
        return sink.endCopy();
    }

    private void flush() throws SQLException {
        if (sb.length() == 0) return;
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        sink.writeToCopy(b, 0, b.length);
        sb.setLength(0);
    }

    private void sep() {
        if (rowStarted) sb.append('\t');
        rowStarted = true;
    }
}
