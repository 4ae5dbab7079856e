package net.nsglobal.atlas.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import net.nsglobal.atlas.api.MockAtlas;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.model.MeasurementDefinition;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.model.PingDefinition;
import net.nsglobal.atlas.model.ProbeSelection;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.PingResult;
import net.nsglobal.atlas.testdata.SharedData;
import org.junit.jupiter.api.Test;

/** The backend te-engine schedules against, on a recorded RIPE Atlas. */
class RipeAtlasBackendTest {

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void createPollProbesStopAndPrice() throws Exception {
        try (MockAtlas atlas = new MockAtlas()) {
            MeasurementBackend backend = new RipeAtlasBackend(atlas.client);
            assertThat(backend.name()).isEqualTo("ripe-atlas");

            atlas.server.enqueue(json("{\"measurements\": [9040446]}"));
            List<Long> ids = backend.create(MeasurementRequest.oneOff(
                    List.<MeasurementDefinition>of(PingDefinition.of("208.67.222.222", 4)),
                    ProbeSelection.parse("country:NL:20")));
            assertThat(ids).containsExactly(9040446L);

            atlas.server.enqueue(json(SharedData.asJsonArray(SharedData.lines(SharedData.PING_OPENDNS))));
            List<MeasurementResult> got = new ArrayList<>();
            assertThat(backend.poll(9040446, ResultQuery.all(), got::add).parsed()).isEqualTo(9261);
            assertThat(got).allSatisfy(r -> assertThat(r).isInstanceOf(PingResult.class));

            atlas.server.enqueue(json("{\"count\": 1, \"next\": null, \"results\": [{\"id\": 7, \"country_code\": "
                    + "\"NL\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [6.0075, 51.2005]}}]}"));
            assertThat(backend.probes(ProbeQuery.all().country("NL"))).singleElement()
                    .satisfies(p -> assertThat(p.latitude()).isEqualTo(51.2005));

            atlas.server.enqueue(json("{\"id\": 9040446, \"is_oneoff\": true, \"credits_per_result\": 3, "
                    + "\"probes_requested\": 20, \"probes_scheduled\": 18}"));
            assertThat(backend.expectedCredits(9040446)).isEqualTo(54.0);

            atlas.server.enqueue(json("{\"id\": 9040447, \"is_oneoff\": false, \"credits_per_result\": 3, "
                    + "\"estimated_results_per_day\": 1920}"));
            assertThat(backend.expectedCredits(9040447)).as("periodic: per day").isEqualTo(5760.0);

            atlas.server.enqueue(json("{\"id\": 9040448, \"is_oneoff\": true}"));
            assertThat(backend.expectedCredits(9040448)).as("no price from the API: unknown").isEqualTo(-1);

            atlas.server.enqueue(new MockResponse.Builder().code(204).build());
            backend.stop(9040446);
        }
    }
}
