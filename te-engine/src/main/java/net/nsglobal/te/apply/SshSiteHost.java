package net.nsglobal.te.apply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link SiteHost} reached over SSH ({@link SshHost}, host key pinned): birdc runs there, and the configuration
 * files are read and written with {@code cat} and {@code mv} (a rename on the same file system is atomic).
 */
public final class SshSiteHost implements SiteHost {
    private final SshHost host;
    private final String socket;
    private final String running;

    public SshSiteHost(SshHost host, String socket, String running) {
        this.host = host;
        this.socket = socket;
        this.running = running;
    }

    @Override
    public Birdc birdc() {
        return new SshBirdc(host, socket);
    }

    @Override
    public String runningFile() {
        return running;
    }

    @Override
    public String readRunning() throws IOException {
        SshHost.Result r = host.exec("if [ -e " + q(running) + " ]; then cat " + q(running) + "; fi", null);
        if (r.exit() != 0) throw new IOException("te-engine apply: ssh " + host.where() + ": reading " + running + ": " + r.err().strip());
        return r.out();
    }

    @Override
    public void writeCandidate(String text) throws IOException {
        String tmp = candidateFile() + ".tmp";
        SshHost.Result r = host.exec("cat > " + q(tmp) + " && mv -f " + q(tmp) + " " + q(candidateFile()),
                text.getBytes(StandardCharsets.UTF_8));
        if (r.exit() != 0) throw new IOException("te-engine apply: ssh " + host.where() + ": writing " + candidateFile() + ": " + r.err().strip());
    }

    @Override
    public void promoteCandidate() throws IOException {
        SshHost.Result r = host.exec("mv -f " + q(candidateFile()) + " " + q(running), null);
        if (r.exit() != 0) throw new IOException("te-engine apply: ssh " + host.where() + ": renaming " + candidateFile() + ": " + r.err().strip());
    }

    private static String q(String s) {
        return SshHost.shellQuote(s);
    }

    @Override
    public String describe() {
        return "ssh " + host.where() + " " + running;
    }

    @Override
    public void close() throws IOException {
        host.close();
    }
}
