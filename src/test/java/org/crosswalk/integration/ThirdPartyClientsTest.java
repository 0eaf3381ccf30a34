package org.crosswalk.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.crosswalk.sparql.SparqlEndpoint;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as an integrator's Python tooling sees it, with clients nobody here wrote, from Debian's
 * packages (src/test/python/ensure-python.sh installs them in the build; Debian's /usr/bin/python3 runs
 * them): every named query of queries/ run unchanged through SPARQLWrapper over HTTP against the running
 * endpoint and parsed by rdflib; every XLSX export opened by openpyxl with warnings as errors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ThirdPartyClientsTest {
    static final String PYTHON = "/usr/bin/python3";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("third-party").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @Autowired SparqlEndpoint endpoint;
    @LocalServerPort int port;

    record Run(int exit, List<String> lines) {}

    static Run python(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-B"));
        command.addAll(List.of(args));
        Path log = dir.resolve("python-" + System.nanoTime() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("python finished").isTrue();
        return new Run(p.exitValue(), Files.readAllLines(log));
    }

    @Test
    void everyNamedQueryRunsUnchangedThroughSparqlWrapperAndRdflib(@TempDir Path dir) throws Exception {
        Run run = python(dir, "src/test/python/check_queries.py", endpoint.queryUrl("localhost"), Path.of("queries").toAbsolutePath().toString());
        List<String> results = run.lines().stream().filter(l -> l.contains("\t")).toList();
        List<String> names;
        try (var files = Files.list(Path.of("queries"))) {
            names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rq")).sorted().toList();
        }
        assertThat(results.stream().map(l -> l.split("\t")[0]).toList()).as(String.join("\n", run.lines())).isEqualTo(names);
        assertThat(results).as(String.join("\n", run.lines())).allMatch(l -> l.split("\t")[1].equals("ok"));
        assertThat(run.exit()).as(String.join("\n", run.lines())).isZero();
        Files.createDirectories(Path.of("target", "third-party"));
        Files.write(Path.of("target", "third-party", "queries.txt"), run.lines());
    }

    @Test
    void everyWorkbookOpensInOpenpyxlWithoutAWarning(@TempDir Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> files = new ArrayList<>();
        for (String path : List.of("/api/exports/crosswalk/iso42001-eu-ai-act.xlsx",
                "/api/exports/coverage.xlsx?source=iso42001&target=eu-ai-act&target=nist-ai-rmf&role=provider",
                "/api/exports/gaps.xlsx?source=iso42001&target=eu-ai-act&target=nist-ai-rmf&role=deployer&system=high-risk")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            Path file = dir.resolve(files.size() + ".xlsx");
            Files.write(file, r.body());
            files.add(file.toString());
        }
        List<String> args = new ArrayList<>(List.of("src/test/python/check_xlsx.py"));
        args.addAll(files);
        Run run = python(dir, args.toArray(String[]::new));
        assertThat(run.exit()).as(String.join("\n", run.lines())).isZero();
        assertThat(run.lines().stream().filter(l -> l.contains("\tok\t")).count()).isEqualTo(3);
        assertThat(run.lines()).anyMatch(l -> l.startsWith(files.get(2)) && l.contains("summary:3"));
        // The check can fail: a workbook as plain POI writes it (no default cell style) is refused.
        Path plain = dir.resolve("plain-poi.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = Files.newOutputStream(plain)) {
            book.createSheet("s").createRow(0).createCell(0).setCellValue("x");
            book.write(out);
        }
        Run refused = python(dir, "src/test/python/check_xlsx.py", plain.toString());
        assertThat(refused.exit()).as(String.join("\n", refused.lines())).isEqualTo(1);
        assertThat(refused.lines()).anyMatch(l -> l.contains("\tFAIL\t") && l.contains("default style"));
        Files.createDirectories(Path.of("target", "third-party"));
        Files.write(Path.of("target", "third-party", "xlsx.txt"), run.lines());
    }
}
