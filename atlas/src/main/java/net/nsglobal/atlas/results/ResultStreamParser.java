package net.nsglobal.atlas.results;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a results document — the API's one large JSON array, or newline-delimited objects ({@code format=txt}
 * and the recorded data files) — one object at a time, so memory stays constant whatever the number of results:
 * only the current object is ever materialised. A malformed object is skipped and counted; it never aborts the
 * batch. Only broken JSON syntax (a truncated download) ends the stream, with an IOException.
 */
public final class ResultStreamParser {
    static final int MAX_REASONS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(ResultStreamParser.class);

    private final ObjectMapper mapper;

    public ResultStreamParser() {
        this(new ObjectMapper());
    }

    public ResultStreamParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ParseStats parse(InputStream in, Consumer<? super MeasurementResult> sink) throws IOException {
        JsonFactory f = mapper.getFactory();
        Counter c = new Counter();
        try (JsonParser p = f.createParser(in)) {
            readAll(p, sink, c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("atlas results: broken JSON after " + c.parsed + " results: "
                    + e.getOriginalMessage(), e);
        }
        if (c.skipped > 0) {
            LOG.warn("atlas results: skipped {} malformed result(s) of {}; e.g. {}", c.skipped,
                    c.parsed + c.skipped + c.unsupported, c.reasons);
        }
        return new ParseStats(c.parsed, c.skipped, c.unsupported, c.reasons);
    }

    /**
     * Streams a {@code /measurements/{id}/latest/} answer. RIPE documents it as an object keyed by probe id, each value
     * the list of that probe's latest results, newest first ({@code {"12345": [<result>, …], …}}; "Results and
     * Latest"); a plain results array is read as well. Each result is delivered as it is read.
     */
    public ParseStats parseLatest(InputStream in, Consumer<? super MeasurementResult> sink) throws IOException {
        Counter c = new Counter();
        try (JsonParser p = mapper.getFactory().createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("atlas latest: stream ended inside the array");
                    }
                    one(p, t, sink, c);
                }
            } else if (t == JsonToken.START_OBJECT) {
                while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String probe = p.currentName();
                    t = p.nextToken();
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            if (t == null) {
                                throw new IOException("atlas latest: stream ended inside probe " + probe);
                            }
                            one(p, t, sink, c);
                        }
                    } else if (t == JsonToken.START_OBJECT) {
                        one(p, t, sink, c);
                    } else {
                        p.skipChildren();
                        c.skip("probe " + probe + ": latest value is " + t + ", not a list of results");
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new IOException("atlas latest: stream ended inside the object");
                }
            } else if (t != null) {
                throw new IOException("atlas latest: expected an object keyed by probe id, got " + t);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("atlas latest: broken JSON after " + c.parsed + " results: "
                    + e.getOriginalMessage(), e);
        }
        return new ParseStats(c.parsed, c.skipped, c.unsupported, c.reasons);
    }

    private void readAll(JsonParser p, Consumer<? super MeasurementResult> sink, Counter c) throws IOException {
        {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new IOException("atlas results: stream ended inside the array after " + c.parsed
                                + " results");
                    }
                    one(p, t, sink, c);
                }
            } else {
                while (t != null) {
                    one(p, t, sink, c);
                    t = p.nextToken();
                }
            }
        }
    }

    private void one(JsonParser p, JsonToken t, Consumer<? super MeasurementResult> sink, Counter c)
            throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            c.skip("element is " + t + ", not an object");
            return;
        }
        JsonNode node = mapper.readTree(p);
        MeasurementResult r;
        try {
            r = read(node);
        } catch (MalformedResultException | ArithmeticException e) {
            c.skip(describe(node) + ": " + e.getMessage());
            return;
        }
        if (r == null) {
            c.unsupported++;
            return;
        }
        c.parsed++;
        sink.accept(r);
    }

    /** One result object, or null if it is of a type this client does not read. */
    public static MeasurementResult read(JsonNode node) {
        String type = Fields.text(node, "type");
        if (type == null) {
            type = guessType(node);
        }
        return switch (type) {
            case "dns" -> DnsResultParser.parse(node);
            case "ping" -> PingResultParser.parse(node);
            default -> null;
        };
    }

    /** Results of very old firmware lack {@code type}; the shape tells. */
    private static String guessType(JsonNode node) {
        if (node.has("resultset") || node.path("result").isObject()) {
            return "dns";
        }
        if (node.has("sent") && node.has("rcvd")) { // with a result array, or firmware 1's summary only
            return "ping";
        }
        throw Fields.malformed("no 'type' and an unrecognisable shape");
    }

    private static String describe(JsonNode n) {
        return "msm " + n.path("msm_id").asText("?") + " prb " + n.path("prb_id").asText("?");
    }

    private static final class Counter {
        long parsed;
        long skipped;
        long unsupported;
        final List<String> reasons = new ArrayList<>();

        void skip(String reason) {
            skipped++;
            if (reasons.size() < MAX_REASONS) {
                reasons.add(reason);
            }
        }
    }
}
