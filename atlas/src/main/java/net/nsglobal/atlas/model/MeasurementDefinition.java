package net.nsglobal.atlas.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One entry of the {@code definitions} array of a measurement-creation request (REST API v2). */
public sealed interface MeasurementDefinition permits DnsDefinition, PingDefinition {
    /** {@code dns} or {@code ping}: the API's {@code type} field. */
    String type();

    int af();

    String target();

    String description();

    /** Writes this definition's own fields (not the schedule: {@link MeasurementRequest} adds that). */
    void writeTo(ObjectNode definition);
}
