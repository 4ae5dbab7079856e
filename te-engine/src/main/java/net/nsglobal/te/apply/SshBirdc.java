package net.nsglobal.te.apply;

import java.io.IOException;

/**
 * {@link Birdc} over SSH: each command runs {@code birdc -v -s SOCKET COMMAND} on the site's host ({@code -v} keeps
 * BIRD's numeric codes, so the reply is read by the same protocol rules as on a local socket). BIRD's pending
 * {@code configure … timeout} state lives in the daemon, not in a CLI session, so one birdc per command is enough for
 * configure, confirm and undo.
 */
public final class SshBirdc implements Birdc {
    private final SshHost host;
    private final String socket;

    public SshBirdc(SshHost host, String socket) {
        this.host = host;
        this.socket = socket;
    }

    @Override
    public BirdReply send(String command) throws IOException {
        SshHost.Result r = host.exec("birdc -v -s " + SshHost.shellQuote(socket) + " " + SshHost.shellQuote(command), null);
        BirdReply.Assembler greeting = new BirdReply.Assembler();
        BirdReply.Assembler reply = null;
        String[] lines = r.out().split("\n", -1);
        for (String line : lines) {
            if (line.isEmpty()) continue;
            if (reply == null) {
                if (greeting.accept(line)) reply = new BirdReply.Assembler();
            } else if (reply.accept(line)) {
                return reply.reply();
            }
        }
        if (reply == null) {
            throw new IOException("te-engine apply: " + endpoint() + ": birdc did not reach BIRD (exit " + r.exit() + "): "
                    + (r.err() + r.out()).strip());
        }
        // birdc refused the command itself ("No such command"): a parse error, as BIRD's 9001 would be.
        return new BirdReply(9001, java.util.List.of(new BirdReply.Line(9001, (r.out() + r.err()).lines()
                .filter(l -> !l.startsWith("0001 ")).reduce((a, b) -> a + " " + b).orElse("birdc exit " + r.exit()).strip())));
    }

    @Override
    public String endpoint() {
        return "ssh:" + host.where() + ":" + socket;
    }

    @Override
    public void close() {}
}
