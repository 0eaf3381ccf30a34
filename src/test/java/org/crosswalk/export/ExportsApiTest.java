package org.crosswalk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.crosswalk.support.TestStores;
import org.incenp.obofoundry.sssom.ExtraMetadataPolicy;
import org.incenp.obofoundry.sssom.TSVReader;
import org.incenp.obofoundry.sssom.Validator;
import org.incenp.obofoundry.sssom.model.Mapping;
import org.incenp.obofoundry.sssom.model.MappingSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every export of the real data, downloaded over HTTP from the running service and checked by a tool
 * nobody here wrote: sssom-java for SSSOM, NIST's metaschema tooling with the OSCAL 1.2.2 definitions for
 * OSCAL, Apache POI for XLSX, Jena's parsers for Turtle and JSON-LD.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportsApiTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("exports").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    @LocalServerPort int port;
    @Autowired Exports exports;
    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void everyFrameworkPairIsListedInBothDirections() throws Exception {
        JsonNode index = JSON.readTree(get("/api/exports").body());
        Set<String> ids = new HashSet<>();
        index.get("mapping_sets").forEach(p -> ids.add(p.get("id").asString()));
        assertThat(ids).contains("iso42001-eu-ai-act", "eu-ai-act-iso42001", "iso42001-nist-ai-rmf", "nist-ai-rmf-iso42001",
                "iso42001-iso27001", "nist-ai-rmf-eu-ai-act", "iso27001-eu-ai-act");
    }

    @Test
    void sssomExportPassesSssomJavaValidationAndRoundTrips() throws Exception {
        for (String pair : List.of("iso42001-eu-ai-act", "eu-ai-act-iso42001", "iso42001-nist-ai-rmf")) {
            HttpResponse<byte[]> r = get("/api/exports/mapping-sets/" + pair + ".sssom.tsv");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/tab-separated-values");

            TSVReader reader = new TSVReader(new InputStreamReader(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8));
            reader.setValidationEnabled(true);
            reader.setExtraMetadataPolicy(ExtraMetadataPolicy.DEFINED);
            MappingSet set = reader.read();
            Validator validator = new Validator();
            List<String> errors = new ArrayList<>();
            for (Mapping m : set.getMappings()) {
                String e = validator.validate(m);
                if (e != null) errors.add(m.getSubjectId() + " " + m.getObjectId() + ": " + e);
            }
            assertThat(errors).as("sssom-java validation of %s", pair).isEmpty();
            assertThat(set.getMappingSetId()).isNotBlank();
            assertThat(set.getLicense()).isNotBlank();

            // Round trip: the re-imported rows are exactly the store's mappings for this pair.
            Framework[] p = exports.pair(pair);
            Set<String> stored = new HashSet<>();
            new MappingSource(store).mappings(p[0], p[1]).forEach(m -> stored.add(key(m.subject().iri(), m.predicate(),
                    m.negated(), m.object().iri(), m.justification(), m.relation(), Integer.toString(m.strength()))));
            Set<String> reimported = new HashSet<>();
            for (Mapping m : set.getMappings()) {
                reimported.add(key(m.getSubjectId(), m.getPredicateId(), m.getPredicateModifier() != null, m.getObjectId(),
                        m.getMappingJustification(), ext(m, "relation"), ext(m, "strength")));
            }
            assertThat(reimported).as("round trip of %s", pair).hasSize(set.getMappings().size()).isEqualTo(stored);
            if (pair.startsWith("eu-ai-act")) {
                assertThat(set.getMappings()).allMatch(m -> m.getMappingJustification().endsWith("MappingInversion")
                        || m.getMappingJustification().endsWith("MappingChaining"));
            }
        }
    }

    @Test
    void oscalExportValidatesAgainstNistsMappingModel(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        HttpResponse<byte[]> r = get("/api/exports/mapping-sets/iso42001-eu-ai-act.oscal.json");
        assertThat(r.statusCode()).isEqualTo(200);
        Path doc = dir.resolve("iso42001-eu-ai-act.oscal.json");
        Files.write(doc, r.body());
        JsonNode json = JSON.readTree(r.body());
        JsonNode mapping = json.get("mapping-collection").get("mappings");
        assertThat(mapping.get("maps").size()).isGreaterThan(50);
        assertThat(mapping.get("target-gap-summary").get("unmapped-controls").get(0).get("with-ids").size()).isPositive();

        assertThat(oscalFindings(doc, dir)).as("OSCAL 1.2.2 schema and constraint findings").isEmpty();

        // The validator is not a rubber stamp: an invalid relationship is reported.
        Path broken = dir.resolve("broken.oscal.json");
        Files.writeString(broken, new String(r.body(), StandardCharsets.UTF_8).replaceFirst("\"relationship\" : \"[a-z-]+\"", "\"relationship\" : 42"));
        assertThat(oscalFindings(broken, dir)).isNotEmpty();
    }

    /**
     * Runs NIST's metaschema CLI (validate-content: the JSON schema generated from the 1.2.2 definitions,
     * then their Metapath constraints) and returns its error-level findings from the SARIF report. It runs
     * in its own JVM because it needs log4j-core as its logging backend, where this one has Spring's
     * log4j-to-slf4j bridge (and the test starter's android-json shadows the org.json it needs). One known defect of the 1.2.2 definitions is ignored: the allowed-values
     * constraint on map/relationship calls has-oscal-namespace() on the field, which the function
     * (liboscal-java) only accepts on an assembly, so it reports an evaluation error on every document.
     */
    static List<String> oscalFindings(Path doc, Path dir) throws IOException, InterruptedException {
        Path module = Path.of("src/test/resources/oscal-1.2.2/oscal_mapping_metaschema.xml").toAbsolutePath();
        Path sarif = dir.resolve(doc.getFileName() + ".sarif");
        String classpath = java.util.Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(java.io.File.pathSeparator)).filter(e -> !e.contains("log4j-to-slf4j") && !e.contains("android-json")).collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", classpath, "gov.nist.secauto.metaschema.cli.CLI", "validate-content",
                "--no-color", "-q", "--as=json", "-m", module.toString(), "-o", sarif.toString(), doc.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(doc.getFileName() + ".log").toFile()).start();
        int exit = p.waitFor();
        List<String> findings = new ArrayList<>();
        if (!Files.exists(sarif)) {
            findings.add("validator produced no report (exit " + exit + "): " + Files.readString(dir.resolve(doc.getFileName() + ".log")));
            return findings;
        }
        for (JsonNode run : JSON.readTree(sarif.toFile()).path("runs")) {
            for (JsonNode result : run.path("results")) {
                String level = result.path("level").asString("error");
                String text = result.path("message").path("text").asString("");
                if (!level.equals("error") || text.contains("has-oscal-namespace")) continue;
                findings.add(text);
            }
        }
        return findings;
    }

    @Test
    void crosswalkXlsxAndCsvHaveReadableHeaders() throws Exception {
        HttpResponse<byte[]> x = get("/api/exports/crosswalk/iso42001-eu-ai-act.xlsx");
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("subject_id");
            assertThat(sheet.getLastRowNum()).isGreaterThan(50);
        }
        String csv = new String(get("/api/exports/crosswalk/iso42001-eu-ai-act.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElse("")).startsWith("subject_id,subject_label,relation,object_id");
    }

    @Test
    void coverageWorkbookHasOneSheetPerTarget() throws Exception {
        HttpResponse<byte[]> x = get("/api/exports/coverage.xlsx?source=iso42001&target=eu-ai-act&target=nist-ai-rmf&target=iso27001&role=provider");
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(4);
            assertThat(book.getSheetName(0)).isEqualTo("eu-ai-act");
            assertThat(book.getSheetName(1)).isEqualTo("nist-ai-rmf");
            assertThat(book.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).isEqualTo("requirement");
            // The summary sheet carries the same figures as the JSON answer, one row per target.
            Sheet summary = book.getSheet("summary");
            assertThat(summary.getLastRowNum()).isEqualTo(3);
            assertThat(summary.getRow(0).getCell(12).getStringCellValue()).isEqualTo("percent_full");
            JsonNode nist = JSON.readTree(get("/api/coverage?source=iso42001&target=nist-ai-rmf").body()).get("summary");
            assertThat(summary.getRow(2).getCell(0).getStringCellValue()).isEqualTo("nist-ai-rmf");
            assertThat((int) summary.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(nist.get("full").asInt());
            assertThat(summary.getRow(2).getCell(12).getNumericCellValue()).isEqualTo(nist.get("percent_full").asDouble());
            // role applies to the EU AI Act sheet only: the NIST row has none and matches the unfiltered answer.
            assertThat(summary.getRow(1).getCell(5).getStringCellValue()).isEqualTo("provider");
            assertThat(summary.getRow(2).getCell(5).getStringCellValue()).isEmpty();
            // Ids stay text even when they look like numbers (ISO clause "4", "10").
            Sheet iso = book.getSheet("iso27001");
            List<String> ids = new ArrayList<>();
            for (int r = 1; r <= iso.getLastRowNum(); r++) {
                assertThat(iso.getRow(r).getCell(0).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                ids.add(iso.getRow(r).getCell(0).getStringCellValue());
            }
            assertThat(ids).contains("4", "10");
        }
        assertThat(get("/api/exports/gaps.csv?source=iso42001&target=eu-ai-act&role=provider").statusCode()).isEqualTo(200);
        // A gap report for an organisation's profile, POSTed as CSV, lists what the profile leaves open.
        HttpResponse<byte[]> profileGaps = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/exports/gaps.csv?target=eu-ai-act&role=deployer&system=high-risk&asOf=2028-08-02"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("framework,requirement,status\niso42001,A.9.4,full\n")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(profileGaps.statusCode()).isEqualTo(200);
        String gapCsv = new String(profileGaps.body(), StandardCharsets.UTF_8);
        assertThat(gapCsv.lines().findFirst().orElse("")).startsWith("requirement,title");
        assertThat(gapCsv).contains("Article 27").doesNotContain("\nArticle 26(1),");
        assertThat(get("/api/exports/coverage.csv?target=eu-ai-act&target=iso27001").statusCode()).isEqualTo(400);
    }

    @Test
    void graphExportsParseAsTurtleAndJsonLd() throws Exception {
        Model ttl = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(get("/api/exports/graph.ttl?framework=iso42001").body())).lang(Lang.TURTLE).parse(ttl);
        assertThat(ttl.contains(ttl.createResource("https://w3id.org/crosswalk/iso42001/2023/A.6.2.4"), null)).isTrue();
        assertThat(ttl.contains(ttl.createResource("https://w3id.org/crosswalk/nist-ai-rmf/1.0/GOVERN-1.1"), null))
                .as("another framework's requirements are not exported, only mappings touching this one").isFalse();
        Model jsonld = ModelFactory.createDefaultModel();
        RDFParser.source(new ByteArrayInputStream(get("/api/exports/graph.jsonld?framework=nist-ai-rmf&mappings=false").body()))
                .lang(Lang.JSONLD).parse(jsonld);
        assertThat(jsonld.contains(jsonld.createResource("https://w3id.org/crosswalk/nist-ai-rmf/1.0/GOVERN-1.1"), null)).isTrue();
    }

    @Test
    void unknownExportsAre404WithTheValidIds() throws Exception {
        HttpResponse<byte[]> r = get("/api/exports/mapping-sets/iso42001-eu-aiact.sssom.tsv");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("iso42001-eu-ai-act");
        assertThat(get("/api/exports/graph.ttl?framework=nist").statusCode()).isEqualTo(404);
        assertThat(get("/api/exports/crosswalk/iso42001-eu-ai-act.pdf").statusCode()).isEqualTo(400);
    }

    @Autowired org.crosswalk.store.CrosswalkStore store;

    static String key(Object... parts) {
        return java.util.Arrays.toString(parts);
    }

    static String ext(Mapping m, String name) {
        var v = m.getExtensions().get("https://w3id.org/crosswalk/ontology#" + name);
        return v == null ? null : v.getValue().toString();
    }
}
