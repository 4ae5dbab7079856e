package net.nsglobal.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.nsglobal.dashboard.web.DemoMail;
import net.nsglobal.testkit.Wait;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * The newcomer's walk through the real demo in headless Chromium: sign-up form (first with mistakes), the mail in
 * the embedded GreenMail mailbox, the confirmation page, the POST, and the status page following the first transfer
 * until every edge serves the zone — then each edge is asked by DNS. Screenshots go to target*&#47;screenshots.
 */
class DemoBrowserTest {
    @TempDir static Path dir;
    static Demo demo;
    static WebDriver browser;
    static Path shots;
    static String url;

    @BeforeAll
    static void start() throws Exception {
        int base = freeBlock(Demo.EDGE_OFFSET + 3);
        int http = freeBlock(1);
        demo = Demo.start(new Demo.Options(dir.resolve("demo"), base, "127.0.0.1", http, null, null, null,
                Path.of("../sites"), List.of("fmt1", "fra1", "nrt1")));
        url = demo.web().url();
        shots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(shots);
        browser = net.nsglobal.testkit.Chromium.start(dir.resolve("chromium"), 1100, 1400);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (demo != null) demo.close();
    }

    @Test
    void bannerPrintsOneScriptableFactPerLine() {
        List<String> b = demo.banner();
        assertThat(b.get(0)).matches("dashboard: http://127\\.0\\.0\\.1:\\d+/");
        assertThat(b.get(1)).matches("mailbox: imap://hostmaster:demo@127\\.0\\.0\\.1:\\d+");
        assertThat(b.get(2)).matches("primary: 127\\.0\\.0\\.1:\\d+ example-shop\\.test blue-bakery\\.test xn--caf-dma\\.test");
        assertThat(b).anyMatch(l -> l.matches("edge fmt1: 127\\.0\\.0\\.1:\\d+"))
                .anyMatch(l -> l.matches("edge fra1: 127\\.0\\.0\\.1:\\d+"))
                .anyMatch(l -> l.matches("edge nrt1: 127\\.0\\.0\\.1:\\d+"))
                .anyMatch(l -> l.matches("tsig key \\(optional at sign-up\\): demo-customer-key hmac-sha256 \\S+="));
    }

    @Test
    void signUpMailConfirmStatusAndEveryEdgeAnswers() throws Exception {
        String primary = "127.0.0.1:" + demo.primaryPort();
        browser.get(url + "/");
        assertThat(browser.getTitle()).isEqualTo("Add a zone · NS-Global");
        shot("01-signup");

        // Mistakes first: shown next to the fields and in a summary linking to them.
        browser.findElement(By.id("domain")).sendKeys("café..test");
        browser.findElement(By.id("primary-0")).sendKeys("10.0.0.7");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await(By.id("domain-error"));
        assertThat(browser.findElement(By.id("domain-error")).getText()).contains("not a domain name");
        assertThat(browser.findElement(By.id("primary-0")).getAttribute("aria-describedby")).contains("primary-0-error");
        assertThat(browser.findElement(By.id("primary-0-error")).getText()).contains("private address");
        shot("02-errors");

        // The IDN zone café.test, typed in Unicode.
        browser.findElement(By.id("domain")).clear();
        browser.findElement(By.id("domain")).sendKeys("café.test");
        browser.findElement(By.id("primary-0")).clear();
        browser.findElement(By.id("primary-0")).sendKeys(primary);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitTitle("Check your mail · NS-Global");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check your mail");
        assertThat(browser.getPageSource()).contains("o…r@xn--caf-dma.test");
        shot("03-mail-sent");

        // The mail, as GreenMail received it: only to the RNAME mailbox.
        List<DemoMail> mails = demo.mailbox().messages();
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).to()).isEqualTo("owner@xn--caf-dma.test");
        assertThat(mails.get(0).links()).anyMatch(l -> l.startsWith(url + "/confirm/"));

        browser.get(url + "/demo/mailbox");
        shot("04-mailbox");
        browser.findElement(By.linkText("Open confirmation link")).click();
        awaitTitle("Confirm · NS-Global");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Serve café.test (xn--caf-dma.test) from NS-Global?");
        shot("05-confirm");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        // The status page reloads itself (meta refresh, no JavaScript) until every site has the zone.
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(250))
                .until(d -> d.getPageSource().contains("In sync everywhere"));
        assertThat(browser.getPageSource()).contains("Confirmed").contains("Site fmt1").contains("Site nrt1");
        shot("06-status");

        for (Map.Entry<String, Integer> e : demo.edgePorts().entrySet()) {
            SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", e.getValue()));
            r.setTimeout(Duration.ofSeconds(2));
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("xn--caf-dma.test."), Type.SOA, DClass.IN)));
            assertThat(m.getSection(org.xbill.DNS.Section.ANSWER)).as("edge " + e.getKey())
                    .anySatisfy(rec -> assertThat(((SOARecord) rec).getSerial()).isEqualTo(1));
        }
        browser.get(url + "/zones");
        awaitTitle("Zone status · NS-Global");
        assertThat(browser.findElements(By.cssSelector(".has-error"))).as("a fresh form shows no error").isEmpty();
        shot("07-lookup");

        // The owner edits the zone on the primary: the primary NOTIFYs the collector, which NOTIFYs every edge.
        Path file = dir.resolve("demo/primary/zones/xn--caf-dma.test.zone");
        Files.writeString(file, Files.readString(file).replace("owner.xn--caf-dma.test. 1 ", "owner.xn--caf-dma.test. 2 "));
        for (Map.Entry<String, Integer> e : demo.edgePorts().entrySet()) {
            assertThat(awaitSerial(e.getValue(), "xn--caf-dma.test.", 2, Duration.ofSeconds(60))).as("edge " + e.getKey())
                    .isEqualTo(2);
        }
    }

    /**
     * The observatory fills from its own schedule: the first round starts with the demo, its results come in through
     * the simulated RIPE Atlas API (real DNS queries to the demo's edges), and within 60 s of start the operator's map
     * shows probes coloured by the site that answered them, the charts page draws, and the JSON API (with the banner's
     * token) lists the round's probes.
     */
    @Test
    void theObservatoryMapFillsFromScheduledMeasurements() throws Exception {
        String[] op = demo.banner().stream().filter(l -> l.startsWith("operator: ")).findFirst().orElseThrow().split(" ");
        browser.get(op[1]);
        browser.findElement(By.name("name")).sendKeys(op[2]);
        browser.findElement(By.name("password")).sendKeys(op[3]);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> !d.getCurrentUrl().contains("/login"));
        new WebDriverWait(browser, Duration.ofSeconds(90), Duration.ofSeconds(2)).until(d -> {
            d.get(url + "/ops/te");
            return d.findElements(By.cssSelector("svg circle title")).size() > 0;
        });
        List<org.openqa.selenium.WebElement> dots = browser.findElements(By.cssSelector("svg circle title"));
        assertThat(dots).isNotEmpty();
        assertThat(browser.getPageSource()).contains("fra1").contains("nrt1");
        shot("08-observatory-map");

        // A chart is drawn once a round has answered RTTs (the CDF) or a roll-up has run (the share); on a slow
        // machine that can be after the first dots, so the page is reloaded until an image has loaded.
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofSeconds(2)).until(d -> {
            d.get(url + "/ops/te/charts");
            new WebDriverWait(d, Duration.ofSeconds(30), Duration.ofMillis(250)).until(x -> Boolean.TRUE.equals(
                    ((org.openqa.selenium.JavascriptExecutor) x).executeScript("return document.readyState === 'complete';")));
            return Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "const i = document.querySelector('img'); return i != null && i.complete && i.naturalWidth > 0;"));
        });
        shot("09-observatory-charts");

        String token = demo.banner().stream().filter(l -> l.startsWith("operator-token: ")).findFirst().orElseThrow()
                .substring("operator-token: ".length());
        var api = new net.nsglobal.testkit.Http(url).getBearer("/api/v1/te/catchment", token);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"prb_id\"").contains("\"site\"");
    }

    /** Waits for the page a click started to load (a click returns before the navigation ends). */
    private static void await(By element) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(d -> !d.findElements(element).isEmpty());
    }

    private static void awaitTitle(String title) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> title.equals(d.getTitle()));
    }

    private static long awaitSerial(int port, String zone, long serial, Duration max) throws Exception {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        r.setTimeout(Duration.ofSeconds(2));
        long[] seen = {-1};
        Wait.holds(max, () -> {
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN)));
            for (Record rec : m.getSection(org.xbill.DNS.Section.ANSWER)) {
                if (rec instanceof SOARecord soa) seen[0] = soa.getSerial();
            }
            return seen[0] == serial;
        });
        return seen[0];
    }

    private static void shot(String name) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(shots.resolve(name + ".png"), png);
    }

    /** The first port of {@code n} consecutive free loopback ports (UDP and TCP), from a seeded random start. */
    static int freeBlock(int n) throws IOException {
        Random r = new Random(System.nanoTime());
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20000 + r.nextInt(12000); // below the kernel's ephemeral range (32768+), fewer races
            boolean ok = true;
            for (int p = base; p < base + n && ok; p++) ok = free(p);
            if (ok) return base;
        }
        throw new IOException("no block of " + n + " free loopback ports");
    }

    private static boolean free(int port) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (ServerSocket s = new ServerSocket(port, 1, lo); DatagramSocket d = new DatagramSocket(port, lo)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
