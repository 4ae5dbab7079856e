package net.nsglobal.dns.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The parser's work per message is bounded by counting, not by the clock: compression pointers followed per name
 * ({@link QueryParser#MAX_POINTER_HOPS}) and labels plus pointers over the whole message
 * ({@link QueryParser#MAX_NAME_STEPS}). Every hostile case of {@link HostileQueries} is malformed after at most that
 * much work; real compressed names still parse.
 */
class QueryParserBoundsTest {

    @Test
    void pointerChainQueryIsMalformedAfterAtMostOneNamesWorth() {
        ParsedQuery q = new ParsedQuery();
        byte[] w = HostileQueries.pointerChain64k();
        QueryParser.parse(w, w.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.MALFORMED);
        // the first owner name already exceeds the hop cap: parsing stops there, not 4,000 x 8,001 hops later
        assertThat(q.pointerHops).isLessThanOrEqualTo(QueryParser.MAX_POINTER_HOPS);
        assertThat(q.nameSteps).isLessThanOrEqualTo(QueryParser.MAX_POINTER_HOPS + 16);
    }

    @Test
    void everyHostileCaseIsMalformedWithinTheMessageBudget() {
        ParsedQuery q = new ParsedQuery();
        for (Map.Entry<String, byte[]> c : HostileQueries.all().entrySet()) {
            byte[] w = c.getValue();
            QueryParser.parse(w, w.length, q);
            assertThat(q.status).as(c.getKey()).isIn(ParsedQuery.Status.MALFORMED,
                    ParsedQuery.Status.MALFORMED_HEADER_ONLY);
            assertThat(q.nameSteps).as(c.getKey() + ": labels and pointers read")
                    .isLessThanOrEqualTo(QueryParser.MAX_NAME_STEPS + 1);
            assertThat(q.pointerHops).as(c.getKey() + ": pointers followed")
                    .isLessThanOrEqualTo(QueryParser.MAX_NAME_STEPS);
        }
    }

    @Test
    void hopCapIsPerName() {
        ParsedQuery q = new ParsedQuery();
        byte[] atCap = HostileQueries.nestedPointers(QueryParser.MAX_POINTER_HOPS);
        QueryParser.parse(atCap, atCap.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.OK);
        assertThat(q.pointerHops).isEqualTo(QueryParser.MAX_POINTER_HOPS);

        byte[] overCap = HostileQueries.nestedPointers(QueryParser.MAX_POINTER_HOPS + 1);
        QueryParser.parse(overCap, overCap.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.MALFORMED);

        // a 16-link chain is 17 pointers for its one owner name: over the cap, though the message is tiny
        byte[] chain = HostileQueries.pointerChain("parse.test.", QueryParser.MAX_POINTER_HOPS, 1, 4, false);
        QueryParser.parse(chain, chain.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.MALFORMED);
        byte[] shorter = HostileQueries.pointerChain("parse.test.", QueryParser.MAX_POINTER_HOPS - 1, 1, 4, false);
        QueryParser.parse(shorter, shorter.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.OK);
    }

    @Test
    void messageBudgetCountsEveryName() {
        ParsedQuery q = new ParsedQuery();
        // 3 question labels + n root owners: within the budget at 4,000 records, over it at 4,094
        byte[] within = HostileQueries.manyRecords(4000);
        QueryParser.parse(within, within.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.OK);
        assertThat(q.nameSteps).isEqualTo(4003);
        byte[] over = HostileQueries.manyRecords(QueryParser.MAX_NAME_STEPS - 2);
        QueryParser.parse(over, over.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.MALFORMED);
        assertThat(q.nameSteps).isEqualTo(QueryParser.MAX_NAME_STEPS + 1);
    }

    @Test
    void ordinaryCompressionStillParses() throws Exception {
        // dnsjava compresses owner names against the question: www.parse.test. in the additional section
        Message m = Message.newQuery(Record.newRecord(Name.fromConstantString("parse.test."), Type.A, DClass.IN));
        m.addRecord(Record.newRecord(Name.fromConstantString("www.parse.test."), Type.A, DClass.IN, 0,
                new byte[] {1, 2, 3, 4}), Section.ADDITIONAL);
        m.addRecord(Record.newRecord(Name.fromConstantString("a.www.parse.test."), Type.A, DClass.IN, 0,
                new byte[] {1, 2, 3, 5}), Section.ADDITIONAL);
        byte[] w = m.toWire();
        ParsedQuery q = new ParsedQuery();
        QueryParser.parse(w, w.length, q);
        assertThat(q.status).isEqualTo(ParsedQuery.Status.OK);
        assertThat(q.pointerHops).isEqualTo(3); // www → parse.test.; a → www → parse.test.
    }
}
