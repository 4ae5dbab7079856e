package net.nsglobal.dns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A zone's records listed whole ({@link Zone#records()}, for persistence) and node by node ({@link Zone#eachRecord()},
 * for transfers out) are the same records in the same order, and {@link Zone#recordCount()} (logged on every load)
 * counts them — on plain, NSEC-signed and NSEC3-signed zones (RRSIGs, NSEC3 owners outside the name tree).
 */
class ZoneRecordsTest {
    @ParameterizedTest
    @CsvSource({"plain.test., plain.test.zone", "n.test., n.test.signed", "n3.test., n3.test.signed"})
    void wholeAndNodeByNodeListTheSameRecords(String origin, String file) throws Exception {
        Path path = Path.of(ZoneRecordsTest.class.getResource("/net/nsglobal/dns/query/" + file).toURI());
        Zone zone = ZoneFileLoader.load(Name.fromConstantString(origin), path);
        List<Record> streamed = new ArrayList<>();
        for (Record r : zone.eachRecord()) streamed.add(r);
        assertThat(streamed).containsExactlyElementsOf(zone.records());
        assertThat(zone.recordCount()).isEqualTo(streamed.size());
        assertThat(streamed.get(0)).isEqualTo(zone.soa());
    }
}
