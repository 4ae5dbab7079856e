package net.nsglobal.dns.persist;

import java.nio.file.Files;
import java.nio.file.Path;
import net.nsglobal.dns.replication.TestNode;

/** A replication node in a child JVM, so that a test can kill -9 it: args DATA_DIR PORT CONFIG_FILE. */
public final class NodeProcess {
    private NodeProcess() {}

    public static void main(String[] args) throws Exception {
        TestNode node = new TestNode(Path.of(args[0]), Integer.parseInt(args[1]), Files.readString(Path.of(args[2])));
        System.out.println("READY " + node.port);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
