package net.nsglobal.atlas.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.nsglobal.atlas.api.AtlasClient;
import net.nsglobal.atlas.api.MeasurementInfo;
import net.nsglobal.atlas.api.ResultQuery;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.ParseStats;

/** {@link MeasurementBackend} on the RIPE Atlas REST API v2. Prices come from the API, per measurement. */
public final class RipeAtlasBackend implements MeasurementBackend {
    private final AtlasClient client;

    public RipeAtlasBackend(AtlasClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "ripe-atlas";
    }

    @Override
    public List<Long> create(MeasurementRequest request) {
        return client.create(request);
    }

    @Override
    public ParseStats poll(long measurementId, ResultQuery query, Consumer<? super MeasurementResult> sink) {
        return client.results(measurementId, query, sink);
    }

    @Override
    public List<Probe> probes(ProbeQuery query) {
        List<Probe> out = new ArrayList<>();
        client.probes(query, out::add);
        return out;
    }

    @Override
    public void stop(long measurementId) {
        client.stop(measurementId);
    }

    @Override
    public double expectedCredits(long measurementId) {
        MeasurementInfo info = client.measurement(measurementId);
        Double c = info.oneOff() ? info.expectedCreditsOneOff() : info.expectedCreditsPerDay();
        return c == null ? -1 : c;
    }
}
