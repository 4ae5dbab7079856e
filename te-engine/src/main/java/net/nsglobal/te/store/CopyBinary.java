package net.nsglobal.te.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.copy.CopyIn;

/**
 * Rows in COPY's binary format (PostgreSQL docs, COPY, "Binary Format"): the 11-byte signature, flags and header
 * extension length, then per row a 16-bit field count and per field a 32-bit length ({@code -1} = NULL) and the
 * value in the type's binary send form, network byte order; a field count of {@code -1} ends the data. The server
 * parses nothing (no text timestamps or floats), which is most of what COPY's text format costs it.
 * Value forms: int4, int8, float8 (IEEE 754), timestamptz (int8 microseconds since 2000-01-01 00:00 UTC, the
 * integer-datetimes form every supported server uses), text (UTF-8; PgJDBC's client encoding is always UTF-8).
 * Streamed into a {@link CopyIn} in chunks of 64 KiB.
 */
final class CopyBinary {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** 2000-01-01T00:00:00Z in Unix epoch seconds: PostgreSQL's timestamp epoch. */
    private static final long PG_EPOCH_SECONDS = 946_684_800L;

    private final CopyIn sink;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16); // big-endian = network order

    CopyBinary(CopyIn sink) throws SQLException {
        this.sink = sink;
        buf.put(SIGNATURE).putInt(0).putInt(0);
    }

    CopyBinary row(int fields) throws SQLException {
        room(2);
        buf.putShort((short) fields);
        return this;
    }

    CopyBinary int4(int v) throws SQLException {
        room(8);
        buf.putInt(4).putInt(v);
        return this;
    }

    CopyBinary int8(long v) throws SQLException {
        room(12);
        buf.putInt(8).putLong(v);
        return this;
    }

    /** NaN (no value measured) is NULL. */
    CopyBinary float8OrNull(double v) throws SQLException {
        if (Double.isNaN(v)) return nul();
        room(12);
        buf.putInt(8).putDouble(v);
        return this;
    }

    /** Microsecond precision, as timestamptz keeps it (finer parts are truncated). */
    CopyBinary timestamptz(Instant t) throws SQLException {
        long micros = Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L) + t.getNano() / 1_000;
        return int8(micros);
    }

    CopyBinary text(String s) throws SQLException {
        if (s == null) return nul();
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(4);
        buf.putInt(b.length);
        if (b.length <= buf.remaining()) {
            buf.put(b);
        } else {
            flush();
            if (b.length <= buf.remaining()) buf.put(b);
            else sink.writeToCopy(b, 0, b.length);
        }
        return this;
    }

    private CopyBinary nul() throws SQLException {
        room(4);
        buf.putInt(-1);
        return this;
    }

    /** Writes the trailer, sends what is buffered and ends the COPY; returns the rows the server received. */
    long finish() throws SQLException {
        room(2);
        buf.putShort((short) -1);
        flush();
        return sink.endCopy();
    }

    private void room(int n) throws SQLException {
        if (buf.remaining() < n) flush();
    }

    private void flush() throws SQLException {
        if (buf.position() == 0) return;
        sink.writeToCopy(buf.array(), 0, buf.position());
        buf.clear();
    }
}
