package net.nsglobal.platform.db;

import java.nio.file.Path;

/** Run in a child JVM by {@link DatabaseTest}: opens the database, says "ready", then waits to be SIGKILLed. */
public final class OrphanMaker {
    public static void main(String[] args) throws Exception {
        Database.embedded(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
