package net.nsglobal.dashboard;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code nsglobal demo}: everything on loopback (placeholder). */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the whole platform on loopback.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("demo: not implemented yet");
        return 1;
    }
}
