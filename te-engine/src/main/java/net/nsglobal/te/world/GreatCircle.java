package net.nsglobal.te.world;

/** Distances on the Earth's surface (a sphere of the mean radius; good to about 0.5 % — enough to pick an exit). */
final class GreatCircle {
    static final double EARTH_KM = 6371.0088;

    private GreatCircle() {}

    /** Great-circle distance in km between two points given in degrees (haversine formula). */
    static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1), p2 = Math.toRadians(lat2);
        double dp = p2 - p1, dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
