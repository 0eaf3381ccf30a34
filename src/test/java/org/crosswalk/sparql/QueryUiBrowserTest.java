package org.crosswalk.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.crosswalk.support.TestStores;
import org.crosswalk.support.Browsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The analysts' query UI in a real browser (Debian's Chromium, headless): the page lists our dataset,
 * and a query typed into the editor returns rows from the graph.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QueryUiBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("ui").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @Autowired SparqlEndpoint endpoint;
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = Browsers.headlessChromium(1280, 1000);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) browser.quit();
    }

    /** Buttons and links the user could click that would write (all refused by the read-only endpoint). */
    @SuppressWarnings("unchecked")
    java.util.List<String> writeActions() {
        // Read every visible label in one script call: the UI re-renders while it loads, so element
        // handles fetched one by one can go stale between the find and the read.
        java.util.List<String> labels = (java.util.List<String>) ((JavascriptExecutor) browser).executeScript(
                "return Array.from(document.querySelectorAll('a, button'))"
                        + ".filter(e => e.getClientRects().length > 0).map(e => e.innerText || '');");
        return labels.stream().map(t -> t.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(t -> t.equals("add data") || t.equals("edit") || t.equals("remove") || t.equals("new dataset")
                        || t.equals("backup") || t.equals("compact"))
                .toList();
    }

    @Test
    void queryEditorRunsAQueryAgainstTheGraph() throws Exception {
        String base = "http://localhost:" + endpoint.port();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(base + "/#/");
        wait.until(d -> d.getPageSource().contains("/crosswalk"));
        // A read-only endpoint offers no write action, and the server figures are real numbers.
        wait.until(d -> d.getPageSource().contains("Uptime"));
        assertThat(browser.getPageSource()).doesNotContain("NaN").contains("read-only");
        assertThat(writeActions()).as("write actions on the dataset list").isEmpty();
        browser.get(base + "/#/dataset/crosswalk/info");
        wait.until(d -> d.getPageSource().contains("/crosswalk"));
        assertThat(writeActions()).as("write actions on the dataset pages").isEmpty();
        browser.get(base + "/#/dataset/crosswalk/upload");
        wait.until(d -> !d.getCurrentUrl().contains("/upload"));

        browser.get(base + "/#/dataset/crosswalk/query");
        wait.until(d -> !d.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0]);",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                        + "SELECT ?n WHERE { <https://w3id.org/crosswalk/iso42001/2023/6.1.2> skos:notation ?n }");
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        wait.until(d -> d.findElements(By.cssSelector(".yasr table td")).stream().anyMatch(td -> td.getText().contains("6.1.2")));

        Path shot = Path.of("target", "screenshots", "query-ui.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        assertThat(shot).exists();
    }
}
