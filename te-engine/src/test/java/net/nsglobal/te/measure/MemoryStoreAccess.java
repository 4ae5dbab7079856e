package net.nsglobal.te.measure;

import net.nsglobal.te.store.MeasurementStore;

/** The in-memory store for tests of other packages (the engine's). */
public final class MemoryStoreAccess {
    private MemoryStoreAccess() {}

    public static MeasurementStore store() { return new MemoryStore(); }
}
