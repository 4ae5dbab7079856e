package net.nsglobal.te.apply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * One SSH connection (Apache MINA SSHD client) to a site's host, authenticated with our key pair, to a host whose key
 * must match a pinned SHA256 fingerprint ({@code SHA256:…}, as {@code ssh-keygen -lf} prints it) — any other host key
 * is refused before authentication, so a man in the middle never sees a command. Runs one command per exec channel
 * and returns its exit status and output.
 */
public final class SshHost implements AutoCloseable {
    /** What one remote command did. */
    public record Result(int exit, String out, String err) {}

    private final SshClient client;
    private final ClientSession session;
    private final String where;
    private final Duration timeout;

    private SshHost(SshClient client, ClientSession session, String where, Duration timeout) {
        this.client = client;
        this.session = session;
        this.where = where;
        this.timeout = timeout;
    }

    /** The SHA256 fingerprint of {@code key} in OpenSSH's form ({@code SHA256:base64}). */
    public static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /**
     * The SHA256 fingerprint of the key in one {@code known_hosts} line ({@code HOST KEYTYPE BASE64 [comment]}; the
     * host field may be absent, as in a {@code .pub} file), to pin a site by the line an operator copied from
     * {@code ssh-keyscan}. An IllegalArgumentException naming the line if it holds no readable key.
     */
    public static String fingerprintOfKnownHostsLine(String line) {
        String[] f = line.trim().split("\\s+");
        int keyAt = f.length >= 3 && !f[0].startsWith("ssh-") && !f[0].startsWith("ecdsa-") ? 1 : 0;
        String entry = String.join(" ", java.util.Arrays.copyOfRange(f, keyAt, Math.min(f.length, keyAt + 2)));
        try {
            PublicKey key = PublicKeyEntry.parsePublicKeyEntry(entry).resolvePublicKey(null, java.util.Map.of(), PublicKeyEntryResolver.FAILING);
            if (key == null) throw new IllegalArgumentException("unknown key type");
            return fingerprint(key);
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("te-engine apply: no SSH host key in known_hosts line '" + line + "': " + e.getMessage(), e);
        }
    }

    /**
     * Connects to {@code user@host:port}, checks the host key against {@code pinnedFingerprint}, authenticates with
     * {@code identity}. An IOException naming the host on a wrong host key, a refused login or a timeout.
     */
    public static SshHost connect(String host, int port, String user, KeyPair identity, String pinnedFingerprint,
                                  Duration timeout) throws IOException {
        String where = user + "@" + host + ":" + port;
        SshClient client = SshClient.setUpDefaultClient();
        String[] seen = new String[1];
        client.setServerKeyVerifier((s, remote, key) -> {
            seen[0] = fingerprint(key);
            return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key).equals(pinnedFingerprint);
        });
        client.start();
        try {
            ClientSession session = client.connect(user, host, port).verify(timeout).getSession();
            try {
                session.addPublicKeyIdentity(identity);
                session.auth().verify(timeout);
            } catch (IOException | RuntimeException e) {
                session.close(true);
                if (seen[0] != null && !seen[0].equals(pinnedFingerprint)) {
                    throw new IOException("te-engine apply: ssh " + where + ": host key " + seen[0]
                            + " is not the pinned " + pinnedFingerprint + "; refused", e);
                }
                throw e;
            }
            return new SshHost(client, session, where, timeout);
        } catch (IOException | RuntimeException e) {
            client.stop();
            if (e.getMessage() != null && e.getMessage().startsWith("te-engine")) throw (IOException) e;
            throw new IOException("te-engine apply: ssh " + where + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code command} (shell syntax on the remote side) with {@code stdin} as its input (may be null). */
    public Result exec(String command, byte[] stdin) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec ch = session.createExecChannel(command)) {
            ch.setOut(out);
            ch.setErr(err);
            ch.open().verify(timeout);
            try (OutputStream in = ch.getInvertedIn()) {
                if (stdin != null) in.write(stdin);
            }
            Set<ClientChannelEvent> ev = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (!ev.contains(ClientChannelEvent.CLOSED)) {
                throw new IOException("te-engine apply: ssh " + where + ": '" + command + "' did not finish within " + timeout);
            }
            Integer exit = ch.getExitStatus();
            return new Result(exit == null ? -1 : exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** {@code s} in single quotes for a POSIX shell. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    public String where() {
        return where;
    }

    @Override
    public void close() throws IOException {
        try {
            session.close(false).await(timeout);
        } finally {
            client.stop();
        }
    }
}
