package net.nsglobal.dns.replication.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** Processes of the propagation benchmark (knotd, dns-node JVMs) and the probes that watch them. */
final class Fleet implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final String classpath;
    private final Path work;
    private final HttpClient http = HttpClient.newHttpClient();

    Fleet(Path work, String classpath) {
        this.work = work;
        this.classpath = classpath;
    }

    Process start(String name, List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile()).start();
        processes.add(p);
        return p;
    }

    /** One dns-node JVM, a separate process with its own sockets (as on a real site). */
    Process node(String name, Path config, String heap) throws IOException {
        return node(name, config, List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseSerialGC"));
    }

    /** One dns-node JVM with the given JVM options instead of a fixed heap and Serial (e.g. the launcher's). */
    Process node(String name, Path config, List<String> jvmOptions) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-Dlogback.configurationFile=" + work.resolve("logback.xml"), "-cp", classpath,
                "net.nsglobal.cli.Main", "node", "--config", config.toString()));
        return start(name, cmd);
    }

    void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
        processes.remove(p);
    }

    /** The SOA serial served at {@code server} for {@code zone}; -1 if no NOERROR SOA answer within 200 ms. */
    static long serial(DatagramSocket s, InetSocketAddress server, Name zone) throws IOException {
        Message q = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        byte[] w = q.toWire();
        s.send(new DatagramPacket(w, w.length, server));
        byte[] buf = new byte[1500];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        while (System.nanoTime() < deadline) {
            try {
                s.setSoTimeout(200);
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return -1;
            }
            Message r = new Message(java.util.Arrays.copyOf(buf, p.getLength()));
            if (r.getHeader().getID() != q.getHeader().getID()) continue; // a late answer to an earlier probe
            if (r.getRcode() != Rcode.NOERROR) return -1;
            for (Record rec : r.getSection(1)) if (rec instanceof SOARecord soa) return soa.getSerial();
            return -1;
        }
        return -1;
    }

    static DatagramSocket probeSocket() throws IOException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** {@code dns_zones_loaded} from a node's /metrics, or -1 while it is not up. */
    long zonesLoaded(InetSocketAddress httpAddr) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + httpAddr.getPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("dns_zones_loaded")) {
                    return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static void writeLogback(Path work) throws IOException {
        Files.writeString(work.resolve("logback.xml"), """
                <configuration>
                  <appender name="E" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.xbill" level="WARN"/>
                  <logger name="replication" level="${REPL_LOG:-WARN}"/>
                  <root level="WARN"><appender-ref ref="E"/></root>
                </configuration>
                """);
    }

    @Override
    public void close() {
        for (Process p : List.copyOf(processes)) {
            try {
                stop(p);
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }
}
