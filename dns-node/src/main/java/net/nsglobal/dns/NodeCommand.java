package net.nsglobal.dns;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code nsglobal node}: runs one dns-node (placeholder until the transport lands). */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a dns-node (authoritative server).")
public final class NodeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("node: not implemented yet");
        return 1;
    }
}
