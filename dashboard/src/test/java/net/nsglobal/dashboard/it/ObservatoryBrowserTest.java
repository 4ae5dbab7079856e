package net.nsglobal.dashboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.nsglobal.dashboard.web.WebApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An operator in headless Chromium (Debian's chromium and chromium-driver; missing ones fail the test): logs in,
 * opens the catchment map and the charts, and the screenshots stay in {@code dashboard/target/screenshots}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ObservatoryBrowserTest {
    @TempDir static Path dir;
    static Harness h;
    static FakeObservatory fake;
    static WebApp web;
    static WebDriver browser;
    static Path shots;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness(dir, "{}");
        h.plane.operators().add("watcher", "watcher-password");
        fake = new FakeObservatory(true);
        web = ObservatoryWeb.start(h, Optional.of(fake));
        shots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(shots);
        browser = net.nsglobal.testkit.Chromium.start(dir.resolve("chromium"), 1100, 1500);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (web != null) web.close();
        if (h != null) h.close();
    }

    @Test
    void anOperatorLogsInAndSeesTheMapAndAChart() throws Exception {
        browser.get(web.url() + "/ops/te");
        awaitTitle("Operator log-in · NS-Global"); // no session yet: sent to the log-in
        browser.findElement(By.id("name")).sendKeys("watcher");
        browser.findElement(By.id("password")).sendKeys("watcher-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        awaitTitle("Operators · NS-Global");
        browser.findElement(By.linkText("Observatory: catchment map, charts, jobs")).click();
        awaitTitle("Catchment map · NS-Global");

        List<WebElement> dots = browser.findElements(By.cssSelector("svg.catchment-map circle.probe"));
        assertThat(dots).hasSize(fake.latest().orElseThrow().probes().size());
        assertThat(browser.findElements(By.cssSelector("svg.catchment-map g.site"))).hasSize(12);
        // The map is drawn: the browser gives it a real size on the page.
        WebElement map = browser.findElement(By.cssSelector("svg.catchment-map"));
        assertThat(map.getSize().getWidth()).isGreaterThan(600);
        assertThat(map.getSize().getHeight()).isGreaterThan(300);
        shot("observatory-map");

        // The filter form, as an operator uses it.
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("region"))).selectByValue("OC");
        browser.findElement(By.cssSelector("form[aria-label='Filter the map'] button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100))
                .until(d -> d.getCurrentUrl().contains("region=OC"));
        long oc = fake.latest().orElseThrow().probes().stream().filter(p -> "OC".equals(p.region())).count();
        assertThat(browser.findElements(By.cssSelector("svg.catchment-map circle.probe"))).hasSize((int) oc);
        shot("observatory-map-oceania");

        browser.findElement(By.linkText("Charts")).click();
        awaitTitle("Observatory charts · NS-Global");
        WebElement chart = browser.findElement(By.cssSelector("img[src^='/ops/te/charts/share.png']"));
        // The PNG loaded and decoded in the browser (an image that failed to load has naturalWidth 0).
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> ((Number) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", chart)).intValue() == 900);
        assertThat(browser.findElement(By.id("share-table")).isDisplayed()).isTrue();
        shot("observatory-charts");
        assertThat(Files.size(shots.resolve("observatory-map.png"))).isGreaterThan(10_000);
    }

    private static void awaitTitle(String title) {
        new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100)).until(d -> title.equals(d.getTitle()));
    }

    private static void shot(String name) throws Exception {
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
