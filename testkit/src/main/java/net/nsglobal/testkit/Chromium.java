package net.nsglobal.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests, from Debian's {@code chromium} and {@code chromium-driver} (installed by
 * {@code scripts/test.sh}; a missing one fails the test with the package to install, never skips it). Chromium runs
 * without its background traffic (updates, sync, component downloads): the tests stay on loopback.
 */
public final class Chromium {
    static final String BROWSER = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {}

    /** A browser with its profile in {@code profileDir} and a window of {@code width}×{@code height}; quit it after. */
    public static WebDriver start(Path profileDir, int width, int height) throws IOException {
        for (String tool : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(Path.of(tool))) {
                throw new IllegalStateException(tool + " missing: install the Debian packages chromium and chromium-driver");
            }
        }
        ChromeOptions o = new ChromeOptions();
        o.setBinary(BROWSER);
        o.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(profileDir), "--window-size=" + width + "," + height);
        ChromeDriverService svc = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new ChromeDriver(svc, o);
    }
}
