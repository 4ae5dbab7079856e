package net.nsglobal.dns.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import net.nsglobal.dns.query.Pipeline;
import net.nsglobal.dns.query.QueryContext;
import net.nsglobal.dns.query.Transport;
import net.nsglobal.dns.query.Verdict;
import net.nsglobal.dns.wire.QueryParser;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.DClass;

/**
 * The stage-failure counter that {@link ServerFuzzTest} asserts on (through {@code Node.stageFailures()}) must see a
 * stage that throws, although the {@link Pipeline} itself catches it and answers SERVFAIL: otherwise "no stage threw"
 * would hold whatever the stages do.
 */
class StageFailureCountTest {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 5353);

    @Test
    void aThrowingStageIsCountedAndAnsweredServfail() throws Exception {
        Pipeline pipeline = new Pipeline(List.of(
                ctx -> {                                   // parse the header, as the standard pipeline's first stage
                    QueryParser.parse(ctx.wire(), ctx.length(), ctx.parsed());
                    return Verdict.CONTINUE;
                },
                ctx -> { throw new IllegalStateException("test: a broken stage"); }));
        QueryHandler handler = new QueryHandler(pipeline, new QueryMetrics(new SimpleMeterRegistry()));
        assertThat(handler.failures()).isZero();

        byte[] q = Message.newQuery(Record.newRecord(Name.fromString("www.example."), Type.A, DClass.IN)).toWire();
        QueryContext ctx = handler.newWorker().handle(q, q.length, Transport.UDP, () -> CLIENT);

        assertThat(ctx).as("a parsed query whose stage threw is answered").isNotNull();
        Message r = new Message(java.util.Arrays.copyOf(ctx.response(), ctx.responseLength()));
        assertThat(r.getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(handler.failures()).as("stage exceptions counted").isEqualTo(1);

        handler.handle(q, q.length, Transport.TCP, CLIENT, null);
        assertThat(handler.failures()).isEqualTo(2);
    }

    @Test
    void aHealthyPipelineCountsNothing() throws Exception {
        QueryHandler handler = new QueryHandler(new Pipeline(List.of(new EchoStage())),
                new QueryMetrics(new SimpleMeterRegistry()));
        byte[] q = Message.newQuery(Record.newRecord(Name.fromString("www.example."), Type.A, DClass.IN)).toWire();
        assertThat(handler.newWorker().handle(q, q.length, Transport.UDP, () -> CLIENT)).isNotNull();
        assertThat(handler.failures()).isZero();
    }
}
