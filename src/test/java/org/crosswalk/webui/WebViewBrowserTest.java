package org.crosswalk.webui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.crosswalk.support.Browsers;
import org.crosswalk.support.ApiClient;
import org.crosswalk.support.TestStores;
import org.crosswalk.tenancy.TenantDirectory;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The web view in a real browser (Debian's Chromium, headless) on the real data, walked as a compliance
 * lead would: search → requirement → a mapping's reason; a heatmap cell; the overlap check with ticked
 * holdings (keyboard only) and with an uploaded profile, its counts checked against /api/coverage for
 * the same inputs; a download; bad input. axe-core runs on every page: no serious or critical violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebViewBrowserTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("webui").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    static ChromeDriver browser;
    static String axe;

    @LocalServerPort int port;
    @org.springframework.beans.factory.annotation.Autowired TenantDirectory directory;
    ApiClient api;
    String base;
    WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browsers.headlessChromium(1360, 1100);
        axe = Browsers.axeScript();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        base = "http://localhost:" + port;
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    // ------------------------------------------------------------------ the walks

    @Test
    void searchLeadsToARequirementAndTheReasonOfItsMappings() throws Exception {
        browser.get(base + "/");
        assertAccessible("home");
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys("human oversight");
        q.sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.cssSelector(".hit")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("q=human+oversight");
        // Highlighted passages from the same Lucene search as /api/search.
        assertThat(browser.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        JsonNode hits = api.getJson("/api/search?q=" + enc("human oversight")).get("hits");
        assertThat(browser.findElements(By.cssSelector(".hit"))).hasSize(hits.size());
        assertAccessible("search");
        shot("search");

        browser.findElements(By.cssSelector(".hit-title")).stream()
                .filter(a -> a.getText().startsWith("Article 14 ")).findFirst().orElseThrow().click();
        wait.until(d -> d.getCurrentUrl().contains("/requirement"));
        assertThat(browser.findElement(By.cssSelector("h1 .notation")).getText()).isEqualTo("Article 14");
        assertThat(browser.findElements(By.cssSelector(".children a"))).extracting(WebElement::getText).anyMatch(t -> t.startsWith("Article 14(1)"));
        assertAccessible("requirement");

        // Every mapping the API gives for Article 14 (and its paragraphs) to ISO 42001 is on the page, with its reason.
        JsonNode mappings = api.getJson("/api/crosswalk?source=eu-ai-act&target=iso42001&requirement=" + enc("Article 14")).get("mappings");
        assertThat(mappings.size()).isPositive();
        List<WebElement> rows = browser.findElements(By.cssSelector("#to-iso42001 + table tbody tr"));
        assertThat(rows).hasSize(mappings.size());
        String page = browser.findElement(By.tagName("main")).getText();
        mappings.forEach(m -> assertThat(page).contains(m.get("reason").asString()));
        shot("requirement");
    }

    @Test
    void humanFormsOfIdsOpenTheRequirementAndAnUnknownOneIsA404WithSuggestions() throws IOException {
        browser.get(base + "/requirement?framework=eu-ai-act&id=" + enc("Article 9(2)(a)"));
        assertThat(browser.findElement(By.cssSelector("h1 .notation")).getText()).isEqualTo("Article 9(2)(a)");
        assertThat(browser.findElements(By.cssSelector(".crumbs li"))).extracting(WebElement::getText)
                .contains("Article 9", "Article 9(2)");
        browser.get(base + "/requirement?framework=nist-ai-rmf&id=" + enc("GOVERN 1.1"));
        assertThat(browser.findElement(By.cssSelector("h1 .notation")).getText()).isEqualTo("GOVERN 1.1");
        browser.get(base + "/requirement?framework=iso42001&id=A.6.2.4");
        assertThat(browser.findElement(By.cssSelector("h1 .notation")).getText()).isEqualTo("A.6.2.4");
        assertAccessible("requirement-iso");

        HttpResponse<String> unknown = html("/requirement?framework=iso42001&id=A.6.2.99");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("A.6.2.99").contains("Did you mean").doesNotContain("Exception")
                .as("the closest ids link into the framework asked").contains("/requirement?framework=iso42001&amp;id=A.6.2.");
        browser.get(base + "/requirement?framework=iso42001&id=A.6.2.99");
        assertThat(browser.findElement(By.id("lk-id")).getAttribute("value")).isEqualTo("A.6.2.99");
        assertAccessible("requirement-unknown");
    }

    @Test
    void aHeatmapCellListsTheMappingsBehindItWithTheirReasons() throws Exception {
        browser.get(base + "/crosswalk?source=iso42001&target=eu-ai-act");
        assertAccessible("heatmap");
        WebElement cell = browser.findElements(By.cssSelector("table.heatmap td a")).stream()
                .filter(a -> a.getAttribute("aria-label").startsWith("A.6 × Chapter III:")).findFirst().orElseThrow();
        int count = Integer.parseInt(cell.findElement(By.cssSelector(".n")).getText());
        cell.click();
        wait.until(d -> !d.findElements(By.id("cell")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("row=A.6").contains("col=Chapter");
        List<WebElement> rows = browser.findElements(By.cssSelector("#cell tr.mapping-row"));
        assertThat(rows).hasSize(count);
        rows.forEach(r -> assertThat(r.findElement(By.cssSelector(".reason")).getText()).isNotBlank());
        // The downloads that exist for the pair are offered, and they answer.
        List<String> downloads = browser.findElements(By.cssSelector(".download-list a")).stream().map(a -> a.getAttribute("href")).toList();
        assertThat(downloads).anyMatch(h -> h.endsWith(".sssom.tsv")).anyMatch(h -> h.endsWith(".oscal.json")).anyMatch(h -> h.endsWith(".xlsx"));
        for (String d : downloads) assertThat(get(URI.create(d).getPath()).statusCode()).as(d).isEqualTo(200);
        browser.findElement(By.id("cell")).getLocation();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        assertAccessible("heatmap-cell");
        shot("heatmap", 2200);
    }

    @Test
    void theOverlapCheckWithTickedHoldingsWorksByKeyboardAndMatchesTheApi() throws Exception {
        browser.get(base + "/overlap");
        assertAccessible("overlap-form");
        WebElement role = browser.findElement(By.id("role"));
        role.sendKeys(Keys.TAB); // focus moves through the form with the keyboard alone
        new Select(role).selectByValue("provider");
        new Select(browser.findElement(By.id("system"))).selectByValue("high-risk");
        setDate(browser.findElement(By.id("asOf")), "2028-08-02");
        new Select(browser.findElement(By.id("source"))).selectByValue("");
        WebElement summary = browser.findElement(By.cssSelector("details.ticks summary"));
        summary.sendKeys(Keys.ENTER); // opens the tick lists
        for (String id : List.of("t-iso42001-A.6.2.4", "t-iso42001-6.1.2", "t-nist-ai-rmf-MAP-3.5", "e-ai-risk-assessment")) {
            WebElement box = browser.findElement(By.id(id));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", box);
            box.sendKeys(Keys.SPACE);
            assertThat(box.isSelected()).as(id).isTrue();
        }
        browser.findElement(By.cssSelector(".form-actions button")).sendKeys(Keys.ENTER);
        wait.until(d -> !d.findElements(By.id("count-total")).isEmpty());

        // The page's link holds the whole state; /api/coverage for the same inputs gives the same counts.
        String url = browser.getCurrentUrl();
        assertThat(url).contains("role=provider").contains("system=high-risk").contains("asOf=2028-08-02")
                .contains("satisfied=iso42001:A.6.2.4").contains("evidence=ai-risk-assessment");
        JsonNode summaryJson = api.getJson("/api/coverage?source=&target=eu-ai-act&role=provider&system=high-risk&asOf=2028-08-02"
                + "&satisfied=" + enc("iso42001:A.6.2.4") + "&satisfied=" + enc("iso42001:6.1.2") + "&satisfied=" + enc("nist-ai-rmf:MAP 3.5")
                + "&evidence=ai-risk-assessment").get("summary");
        assertCounts(summaryJson);
        assertThat(summaryJson.get("full").asInt() + summaryJson.get("partial").asInt()).isPositive();
        assertAccessible("overlap-ticked");
        shot("overlap-ticked");

        // A download of the same answer: the workbook's summary sheet carries the page's counts.
        String xlsx = browser.findElements(By.cssSelector(".report-actions a")).stream().map(a -> a.getAttribute("href"))
                .filter(h -> h.contains("report.xlsx")).findFirst().orElseThrow();
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(xlsx)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet s = book.getSheet("summary");
            Row header = s.getRow(0), values = s.getRow(1);
            for (String c : List.of("full", "partial", "none", "total")) {
                int col = -1;
                for (int i = 0; i < header.getLastCellNum(); i++) if (header.getCell(i).getStringCellValue().equals(c)) col = i;
                assertThat((int) values.getCell(col).getNumericCellValue()).as(c).isEqualTo(summaryJson.get(c).asInt());
            }
        }
    }

    @Test
    void theOverlapCheckWithAnUploadedProfileMatchesTheApiAndGetsALink() throws Exception {
        String profile = "framework,requirement,status\niso42001,6.1.2,satisfied\niso42001,A.6.2.8,partial\nevidence,ai-policy,held\n";
        Path file = Files.createTempFile("profile", ".csv");
        Files.writeString(file, profile);
        browser.get(base + "/overlap");
        new Select(browser.findElement(By.id("role"))).selectByValue("deployer");
        new Select(browser.findElement(By.id("system"))).selectByValue("high-risk");
        setDate(browser.findElement(By.id("asOf")), "2026-08-02");
        new Select(browser.findElement(By.id("source"))).selectByValue("");
        browser.findElement(By.id("profile")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector(".form-actions button")).click();
        wait.until(d -> !d.findElements(By.id("count-total")).isEmpty());

        HttpResponse<String> r = api.post("/api/coverage?target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-08-02", "text/csv", profile);
        assertThat(r.statusCode()).isEqualTo(200);
        assertCounts(api.parse(r.body()).get("summary"));
        // The profile's rows tick their boxes, and the answer has a link that gives the same counts.
        assertThat(browser.findElement(By.id("t-iso42001-6.1.2")).isSelected()).isTrue();
        String link = browser.findElements(By.cssSelector(".report-actions a")).stream().map(a -> a.getAttribute("href"))
                .filter(h -> h.contains("/overlap?")).findFirst().orElseThrow();
        assertThat(link).contains("partial=iso42001:A.6.2.8");
        String fullCount = browser.findElement(By.id("count-full")).getText();
        browser.get(link);
        assertThat(browser.findElement(By.id("count-full")).getText()).isEqualTo(fullCount);
        assertAccessible("overlap-upload");
        shot("overlap-upload");

        // The question the page exists for, as the README shows it: ISO 42001 certified deployer of a high-risk system.
        browser.get(base + "/overlap?source=iso42001&role=deployer&system=high-risk&asOf=2026-08-02");
        wait.until(d -> !d.findElements(By.id("count-total")).isEmpty());
        shot("overlap", 2200);
    }

    @Test
    void badInputIsToldOnThePageKeepsWhatWasEnteredAndHasTheRightStatus() throws Exception {
        // An impossible date: 400, the date kept in the form, no stack trace.
        HttpResponse<String> date = html("/overlap?source=iso42001&role=deployer&asOf=2026-02-30");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("2026-02-30").contains("is not a date").doesNotContain("Exception").doesNotContain("at org.");
        // An unknown requirement in the holdings: 400, named.
        HttpResponse<String> unknown = html("/overlap?source=&satisfied=iso42001:A.99.1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("A.99.1");
        // An unknown role.
        assertThat(html("/overlap?source=iso42001&role=emperor").statusCode()).isEqualTo(400);
        // A search text Lucene cannot read.
        assertThat(html("/?q=" + enc("/a{1,9}/")).statusCode()).isEqualTo(400);

        // A malformed profile, in the browser: the message names the line; role and date stay as chosen.
        Path bad = Files.createTempFile("bad-profile", ".csv");
        Files.writeString(bad, "framework,requirement,status\niso42001,6.1.2,maybe\n");
        browser.get(base + "/overlap");
        new Select(browser.findElement(By.id("role"))).selectByValue("importer");
        browser.findElement(By.id("profile")).sendKeys(bad.toAbsolutePath().toString());
        browser.findElement(By.cssSelector(".form-actions button")).click();
        wait.until(d -> !d.findElements(By.id("form-error")).isEmpty());
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("Line 2").contains("maybe");
        assertThat(new Select(browser.findElement(By.id("role"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("importer");
        assertAccessible("overlap-error");

        // A malformed JSON profile and an oversized one, over HTTP to see the status codes.
        assertThat(upload("{\"satisfied\": [\"iso42001:6.1.2\"", "p.json").statusCode()).isEqualTo(400);
        HttpResponse<String> big = upload("framework,requirement,status\n" + "iso42001,6.1.2,satisfied\n".repeat(50_000), "big.csv");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.body()).contains("Profile too large").doesNotContain("Exception");
    }

    @Test
    void theEvidencePageRanksArtefactsAsTheApiDoes() throws IOException {
        browser.get(base + "/evidence?type=ai-risk-assessment");
        JsonNode ranking = api.getJson("/api/evidence").get("evidence");
        List<WebElement> rows = browser.findElements(By.cssSelector("table.ranking > tbody > tr"));
        assertThat(rows).hasSize(ranking.size());
        assertThat(rows.getFirst().getAttribute("id")).isEqualTo("ev-" + ranking.get(0).get("id").asString());
        assertThat(browser.findElement(By.cssSelector("#ev-ai-risk-assessment details")).getAttribute("open")).isNotNull();
        assertAccessible("evidence");
        shot("evidence");
    }

    // ------------------------------------------------------------------ signed in: a tenant's profiles

    @Test
    void signInRunTheCheckSaveItAsAProfileSeeItListedAndOpenIt() throws Exception {
        String a = "web-a-" + Long.toHexString(System.nanoTime()), b = "web-b-" + Long.toHexString(System.nanoTime());
        directory.createTenant(a);
        directory.createTenant(b);
        String tokenA = directory.createToken(a, "browser", Scope.READ_WRITE).secret();
        String tokenB = directory.createToken(b, "browser", Scope.READ_WRITE).secret();
        browser.manage().deleteAllCookies();

        // Not signed in: the profiles page sends the browser to the sign-in form; a wrong token is refused.
        browser.get(base + "/profiles");
        wait.until(d -> d.getCurrentUrl().contains("/signin"));
        assertAccessible("signin");
        signIn("cwt_0123456789abcdef_wrong");
        assertThat(browser.findElement(By.id("signin-error")).getText()).contains("not accepted");
        browser.get(base + "/profiles");
        assertThat(browser.getCurrentUrl()).contains("/signin");

        signIn(tokenA);
        wait.until(d -> d.getCurrentUrl().endsWith("/profiles"));
        assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo(a);
        assertThat(browser.findElements(By.id("no-profiles"))).hasSize(1);
        var cookie = browser.manage().getCookieNamed("JSESSIONID");
        assertThat(cookie).as("session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.isSecure()).as("Secure only over HTTPS; this test runs over plain HTTP").isFalse();
        assertAccessible("profiles-empty");

        // The overlap check, ticked, then saved from its answer.
        browser.get(base + "/overlap?source=&role=deployer&system=high-risk&asOf=2026-08-02&satisfied=" + enc("iso42001:A.6.2.4")
                + "&satisfied=" + enc("iso42001:6.1.2") + "&evidence=ai-policy");
        wait.until(d -> !d.findElements(By.id("count-total")).isEmpty());
        List<String> checked = List.of("full", "partial", "none", "total").stream().map(c -> browser.findElement(By.id("count-" + c)).getText()).toList();
        browser.findElement(By.id("save-profile")).click();
        wait.until(d -> d.getCurrentUrl().contains("/profiles/new"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("iso42001:A.6.2.4", "iso42001:6.1.2", "ai-policy");
        assertAccessible("profile-new");
        browser.findElement(By.id("id")).sendKeys("q3-check");
        browser.findElement(By.id("title")).sendKeys("Q3 overlap check");
        browser.findElement(By.id("save")).click();
        wait.until(d -> d.getCurrentUrl().contains("/profiles/q3-check"));
        // The stored profile's coverage (coverage.rq over its graph) has the check's counts.
        wait.until(d -> !d.findElements(By.id("count-total")).isEmpty());
        assertThat(List.of("full", "partial", "none", "total").stream().map(c -> browser.findElement(By.id("count-" + c)).getText()).toList())
                .isEqualTo(checked);
        assertThat(browser.findElements(By.cssSelector("#gap-list tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#statements tbody tr"))).hasSize(3);
        assertAccessible("profile");
        shot("profile");

        // Listed, and opened from the list.
        browser.get(base + "/profiles");
        assertThat(browser.findElements(By.cssSelector("#profile-list a"))).extracting(WebElement::getText).containsExactly("q3-check");
        assertAccessible("profiles");
        browser.findElement(By.linkText("q3-check")).click();
        wait.until(d -> d.getCurrentUrl().contains("/profiles/q3-check"));
        assertThat(browser.findElement(By.id("profile-id")).getText()).isEqualTo("q3-check");
        // The same version through the API, with the tenant's token: the same counts.
        HttpResponse<String> viaApi = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/api/profiles/q3-check/coverage?target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-08-02"))
                .header("Authorization", "Bearer " + tokenA).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.parse(viaApi.body()).get("summary").get("full").asString()).isEqualTo(checked.get(0));

        // Tenant B never sees it: not listed, and its page is a 404 like a profile that does not exist.
        browser.get(base + "/profiles");
        browser.findElement(By.id("signout")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/profiles"));
        browser.get(base + "/signin");
        signIn(tokenB);
        wait.until(d -> d.getCurrentUrl().endsWith("/profiles"));
        assertThat(browser.findElement(By.id("tenant")).getText()).isEqualTo(b);
        assertThat(browser.findElements(By.cssSelector("#profile-list a"))).isEmpty();
        browser.get(base + "/profiles/q3-check");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Profile not found");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("HTTP status 404");
        assertAccessible("profile-404");
    }

    @Test
    void signInPagesRefuseWrongTokensAndPostsWithoutTheirCsrfToken() throws Exception {
        String t = "web-c-" + Long.toHexString(System.nanoTime());
        directory.createTenant(t);
        String token = directory.createToken(t, "http", Scope.READ_WRITE).secret();
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        // Not signed in: a redirect to the form, never the page.
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(base + "/profiles")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/signin?next=%2Fprofiles");
        // A POST without the form's CSRF token is refused, even with a good API token in it.
        assertThat(client.send(form("/signin", "token=" + enc(token)), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        String csrf = csrf(client.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> wrong = client.send(form("/signin", "_csrf=" + enc(csrf) + "&token=" + enc(token + "x")), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).as("a wrong token").isEqualTo(401);
        HttpResponse<String> ok = client.send(form("/signin", "_csrf=" + enc(csrf(wrong.body())) + "&token=" + enc(token)), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/profiles")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // Signed in, a save without the CSRF token is still refused, and nothing is stored.
        assertThat(client.send(form("/profiles", "id=forged&satisfied=" + enc("iso42001:A.6.2.4")), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/profiles/forged")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        // Signed in with a read token, saving is refused (with its CSRF token) and nothing is stored.
        String readToken = directory.createToken(t, "reader", Scope.READ).secret();
        HttpClient reader = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String readCsrf = csrf(reader.send(HttpRequest.newBuilder(URI.create(base + "/signin")).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(reader.send(form("/signin", "_csrf=" + enc(readCsrf) + "&token=" + enc(readToken)), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        String saveCsrf = csrf(reader.send(HttpRequest.newBuilder(URI.create(base + "/profiles/new?satisfied=" + enc("iso42001:A.6.2.4"))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> readSave = reader.send(form("/profiles", "_csrf=" + enc(saveCsrf) + "&id=read-only&satisfied=" + enc("iso42001:A.6.2.4")),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readSave.statusCode()).as(readSave.body()).isEqualTo(403);
        assertThat(readSave.body()).contains("read-only token");
        assertThat(reader.send(HttpRequest.newBuilder(URI.create(base + "/profiles/read-only")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        // A revoked token ends the session on its next request.
        directory.tokens(t).forEach(k -> directory.revokeToken(k.id()));
        HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create(base + "/profiles")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String html) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1);
    }

    private void signIn(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        // Wait for the answer to replace the form: reading the next page right after the click raced it.
        // A mark on the old page's window object is gone once the next page has loaded. (Waiting for the old
        // <html> element to go stale did the same until chromedriver 156, which can answer a look-up of
        // the vanished node with "unknown error: Node ... does not belong to the document" instead of
        // "stale element reference", failing the wait instead of ending it.)
        browser.executeScript("window.__crosswalkOldPage = true;");
        browser.findElement(By.id("signin")).click();
        wait.until(d -> {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.__crosswalkOldPage === undefined && document.readyState === 'complete';"));
            } catch (org.openqa.selenium.NoSuchSessionException gone) {
                throw gone; // the browser itself is gone: say so, not "timed out"
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false; // a script sent while the page is being replaced may fail; ask again
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    /** The page's counts are the API's counts for the same inputs. */
    private void assertCounts(JsonNode summary) {
        for (String c : List.of("full", "partial", "none", "total")) {
            assertThat(browser.findElement(By.id("count-" + c)).getText()).as(c).isEqualTo(summary.get(c).asString());
        }
    }

    /** axe-core on the current page: no violation of impact serious or critical. */
    private void assertAccessible(String page) {
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

    private void shot(String name) throws IOException {
        shot(name, 6000);
    }

    private void shot(String name, int maxHeight) throws IOException {
        Path shot = Path.of("target", "screenshots", "webui-" + name + ".png");
        Files.createDirectories(shot.getParent());
        // The whole page, not just the window: grow the window to the page's height for the picture.
        org.openqa.selenium.Dimension window = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(window.getWidth(), (int) Math.min(height + 140, maxHeight)));
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(window);
    }

    private static void setDate(WebElement input, String isoDate) {
        // A date field takes typed digits in the browser's locale order; set the value as a form would hold it.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, isoDate);
    }

    private HttpResponse<String> html(String pathAndQuery) {
        return api.get(pathAndQuery, "text/html");
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> upload(String content, String filename) throws Exception {
        String boundary = "----crosswalk" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"profile\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/overlap"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
