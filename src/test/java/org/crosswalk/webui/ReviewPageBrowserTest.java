package org.crosswalk.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.crosswalk.support.Browsers;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The review page in a real browser (Debian's Chromium, headless), without JavaScript doing any of the
 * work, on a private copy of the data (a decision writes files): ranking and deciding without the
 * administrator token is refused with nothing stored; with it, ranked suggestions are listed, one is
 * accepted and shows up at once on the subject's requirement page with its reason, one is rejected and
 * logged. axe-core checks the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReviewPageBrowserTest {
    static final Path DATA = TestStores.newStoreRoot("review-page-data");
    static final String ADMIN_TOKEN = "cwadmin_review-page-test-administrator";
    static final Path SET = DATA.resolve("mappings/iso42001-iso27001.sssom.tsv");
    static final Path CANDIDATES = DATA.resolve("suggestions/iso42001-iso27001.candidates.sssom.tsv");
    static final Path LOG = DATA.resolve("suggestions/iso42001-iso27001.decisions.tsv");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        copy(TestStores.ontologyDir(), DATA.resolve("ontology"));
        copy(TestStores.mappingsDir(), DATA.resolve("mappings"));
        registry.add("crosswalk.store-dir", () -> DATA.resolve("store").toString());
        registry.add("crosswalk.ontology-dir", () -> DATA.resolve("ontology").toString());
        registry.add("crosswalk.mappings-dir", () -> DATA.resolve("mappings").toString());
        registry.add("crosswalk.suggestions-dir", () -> DATA.resolve("suggestions").toString());
        registry.add("crosswalk.sparql-port", () -> "0");
        registry.add("crosswalk.security.admin-token-hash",
                () -> new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(ADMIN_TOKEN));
    }

    static ChromeDriver browser;
    static String axe;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browsers.headlessChromium(1360, 1100);
        axe = Browsers.axeScript();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aCuratorRanksAcceptsAndRejectsSuggestionsAndAMissingTokenStoresNothing() throws Exception {
        String base = "http://localhost:" + port;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
        byte[] setBefore = Files.readAllBytes(SET);

        browser.get(base + "/review?source=iso42001&target=iso27001");
        assertThat(browser.findElement(By.id("pending-count")).getText()).isEqualTo("0");
        HttpResponse<String> unknown = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/review?source=nope&target=eu-ai-act"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("nope").doesNotContain("Exception");

        // Ranking without the token: refused, no candidate file.
        browser.findElement(By.id("rank")).click();
        wait.until(d -> !d.findElements(By.id("review-error")).isEmpty());
        assertThat(browser.findElement(By.id("review-error")).getText()).contains("administrator token").contains("Nothing was stored");
        assertThat(CANDIDATES).doesNotExist();

        // With it: the suggestions are ranked and listed.
        browser.findElement(By.id("k")).clear();
        browser.findElement(By.id("k")).sendKeys("3");
        browser.findElement(By.id("suggest-token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("rank")).click();
        wait.until(d -> !d.findElements(By.id("review-done")).isEmpty());
        assertThat(CANDIDATES).exists();
        int pending = Integer.parseInt(browser.findElement(By.id("pending-count")).getText());
        assertThat(pending).isPositive();
        assertThat(browser.findElements(By.cssSelector("tr.pending-row"))).hasSize(Math.min(pending, ReviewPage.PAGE));
        assertAccessible("review");

        // Accepting without the token: 401, the set, the log and the list unchanged.
        String subject = text("#row-0 a.subject"), object = text("#row-0 a.object");
        fillRow(0, "intersects-with", "semantic", "3", "Test decision: accepted through the review page.");
        browser.findElement(By.id("reviewer")).sendKeys("page-reviewer");
        browser.findElement(By.cssSelector("#row-0 button[value='accept:0']")).click();
        wait.until(d -> !d.findElements(By.id("review-error")).isEmpty());
        assertThat(browser.findElement(By.id("review-error")).getText()).contains("administrator token").contains("Nothing was stored");
        assertThat(Files.readAllBytes(SET)).isEqualTo(setBefore);
        assertThat(LOG).doesNotExist();
        assertThat(Integer.parseInt(browser.findElement(By.id("pending-count")).getText())).isEqualTo(pending);
        // What was typed is kept (the token never is).
        assertThat(browser.findElement(By.id("reason-0")).getAttribute("value")).isEqualTo("Test decision: accepted through the review page.");
        assertThat(browser.findElement(By.id("token")).getAttribute("value")).isEmpty();
        // The status is 401, and a wrong token fares no better.
        String form = "source=iso42001&target=iso27001&act=accept%3A0&subject.0=4.1&suggested.0=4.1&relation.0=intersects-with"
                + "&rationale.0=semantic&strength.0=3&reason.0=x&reviewer=x";
        assertThat(post(base + "/review", form).statusCode()).isEqualTo(401);
        assertThat(post(base + "/review", form + "&token=cwadmin_wrong").statusCode()).isEqualTo(401);
        assertThat(Files.readAllBytes(SET)).isEqualTo(setBefore);

        // With the token: accepted, written to the curated set with the reviewer as author, gone from the list.
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.cssSelector("#row-0 button[value='accept:0']")).click();
        wait.until(d -> !d.findElements(By.id("review-done")).isEmpty());
        assertThat(browser.findElement(By.id("review-done")).getText()).startsWith("Accepted").contains("iso42001-iso27001.sssom.tsv");
        assertThat(Integer.parseInt(browser.findElement(By.id("pending-count")).getText())).isEqualTo(pending - 1);
        String set = Files.readString(SET);
        assertThat(set).contains("cwagent:page-reviewer").contains("Test decision: accepted through the review page.");
        assertThat(Files.readString(LOG)).contains("accepted");

        // Served at once: the subject's requirement page shows the new mapping with its reason.
        browser.get(base + "/requirement?framework=iso42001&id=" + URLEncoder.encode(subject, StandardCharsets.UTF_8));
        List<WebElement> rows = browser.findElements(By.cssSelector("#to-iso27001 + table tbody tr"));
        assertThat(rows).anySatisfy(r -> assertThat(r.getText()).contains(object).contains("Test decision: accepted through the review page."));

        // Rejecting (token typed again: it is never kept between pages): logged, no mapping.
        browser.get(base + "/review?source=iso42001&target=iso27001");
        String rejectedSubject = text("#row-0 a.subject"), rejectedObject = text("#row-0 a.object");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("reviewer")).sendKeys("page-reviewer");
        browser.findElement(By.id("reason-0")).sendKeys("Test decision: shared words only.");
        browser.findElement(By.cssSelector("#row-0 button[value='reject:0']")).click();
        wait.until(d -> !d.findElements(By.id("review-done")).isEmpty());
        assertThat(browser.findElement(By.id("review-done")).getText()).startsWith("Rejected");
        assertThat(Integer.parseInt(browser.findElement(By.id("pending-count")).getText())).isEqualTo(pending - 2);
        assertThat(Files.readString(LOG)).contains("rejected").contains("Test decision: shared words only.");
        assertThat(Files.readString(SET)).isEqualTo(set);
        assertThat(browser.findElements(By.cssSelector("tr.pending-row"))).noneSatisfy(r -> assertThat(
                r.findElement(By.cssSelector("a.subject")).getText() + " " + r.findElement(By.cssSelector("a.object")).getText())
                .isEqualTo(rejectedSubject + " " + rejectedObject));

        // Bad input with the token (no reason): 400 on the page, nothing stored.
        String log = Files.readString(LOG);
        String editedSubject = text("#row-0 a.subject");
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("reviewer")).sendKeys("page-reviewer");
        new Select(browser.findElement(By.id("relation-0"))).selectByValue("intersects-with");
        browser.findElement(By.id("strength-0")).sendKeys("2");
        WebElement target = browser.findElement(By.id("object-0"));
        target.clear();
        target.sendKeys("A.7.12");
        browser.findElement(By.cssSelector("#row-0 button[value='accept:0']")).click();
        wait.until(d -> !d.findElements(By.id("review-error")).isEmpty());
        assertThat(browser.findElement(By.id("review-error")).getText()).contains("reason").contains("Nothing was stored");
        assertThat(Files.readString(SET)).isEqualTo(set);
        assertThat(Files.readString(LOG)).isEqualTo(log);

        // Edit: the same row accepted to another target than suggested (A.7.12), logged as edited.
        browser.findElement(By.id("token")).sendKeys(ADMIN_TOKEN);
        browser.findElement(By.id("reason-0")).sendKeys("Test decision: edited to another target.");
        browser.findElement(By.cssSelector("#row-0 button[value='accept:0']")).click();
        wait.until(d -> !d.findElements(By.id("review-done")).isEmpty());
        assertThat(browser.findElement(By.id("review-done")).getText()).startsWith("Accepted, edited to A.7.12");
        assertThat(Files.readString(SET)).contains("iso27001:A.7.12").contains("Test decision: edited to another target.");
        assertThat(Files.readString(LOG)).contains("\tedited\t");
        browser.get(base + "/requirement?framework=iso42001&id=" + URLEncoder.encode(editedSubject, StandardCharsets.UTF_8));
        assertThat(browser.findElements(By.cssSelector("#to-iso27001 + table tbody tr")))
                .anySatisfy(r -> assertThat(r.getText()).contains("A.7.12").contains("Test decision: edited to another target."));
    }

    private static void fillRow(int i, String relation, String rationale, String strength, String reason) {
        new Select(browser.findElement(By.id("relation-" + i))).selectByValue(relation);
        new Select(browser.findElement(By.id("rationale-" + i))).selectByValue(rationale);
        browser.findElement(By.id("strength-" + i)).sendKeys(strength);
        browser.findElement(By.id("reason-" + i)).sendKeys(reason);
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** axe-core on the current page: no violation of impact serious or critical. */
    private static void assertAccessible(String page) {
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                      .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        assertThat((List<?>) result).as("axe-core serious/critical violations on " + page).isEmpty();
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
