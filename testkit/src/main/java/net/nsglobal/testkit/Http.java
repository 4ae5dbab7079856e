package net.nsglobal.testkit;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client for the black-box tests (no redirects followed, so tests see 303s). */
public final class Http {
    private final String base;
    private final HttpClient client;

    public Http(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET with extra request headers (name, value, name, value, …), e.g. {@code Authorization}. */
    public HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with {@code Authorization: Bearer token}. */
    public HttpResponse<String> getBearer(String path, String token) throws Exception {
        return get(path, "Authorization", "Bearer " + token);
    }

    /** Logs in at {@code /ops/login} (the client keeps the session cookie); returns the answer. */
    public HttpResponse<String> logIn(String name, String password) throws Exception {
        return post("/ops/login", Map.of("csrf", csrf("/ops/login"), "name", name, "password", password));
    }

    /** Form POST; values may be String or List&lt;String&gt; (repeated fields). */
    public HttpResponse<String> post(String path, Map<String, Object> form) throws Exception {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : form.entrySet()) {
            List<?> values = e.getValue() instanceof List<?> l ? l : List.of(e.getValue());
            for (Object v : values) {
                if (b.length() > 0) b.append('&');
                b.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
            }
        }
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * POSTs JSON from the local address {@code from} (any 127.0.0.0/8 address on Linux), so a test can be many
     * clients; returns the status code. A plain HTTP/1.1 exchange over a socket bound to that address.
     */
    public int postJsonFrom(String from, String path, String json) throws Exception {
        URI u = URI.create(base + path);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket s = new java.net.Socket()) {
            s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(from), 0));
            s.connect(new java.net.InetSocketAddress(u.getHost(), u.getPort()), 10_000);
            s.setSoTimeout(30_000);
            String head = "POST " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine(); // "HTTP/1.1 429 Too Many Requests"
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    /** GETs {@code path} and returns the CSRF token of its form. */
    public String csrf(String path) throws Exception {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get(path).body());
        if (!m.find()) throw new AssertionError("no csrf field on " + path);
        return m.group(1);
    }
}
