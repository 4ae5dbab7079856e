package net.nsglobal.platform.sites;

/** A continent-sized region, as transit providers scope their regional action communities. */
public enum Region {
    NORTH_AMERICA("north-america"),
    SOUTH_AMERICA("south-america"),
    EUROPE("europe"),
    AFRICA("africa"),
    ASIA("asia"),
    OCEANIA("oceania");

    private final String yaml;

    Region(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling in {@code sites/*.yaml}. */
    @Override
    public String toString() { return yaml; }
}
