package org.crosswalk.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The real browser of the browser tests: Debian's chromium and chromedriver (src/test/browser/ensure-chromium.sh). */
public final class Browsers {
    private Browsers() {}

    /** Headless chromium with its own profile and no background traffic (the build machines have no network beyond loopback). */
    public static ChromeDriver headlessChromium(int width, int height) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height,
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /** axe-core as Deque ships it in its Maven artifact (com.deque.html.axe-core:selenium): injected into pages, never fetched from a CDN. */
    public static String axeScript() throws IOException {
        try (InputStream in = Browsers.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core:selenium)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
