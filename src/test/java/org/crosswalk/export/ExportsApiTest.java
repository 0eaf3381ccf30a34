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
                        m.getMappingJustification().replace("LogicalReasoning", "MappingInversion"), ext(m, "relation"), ext(m, "strength")));
            }
            assertThat(reimported).as("round trip of %s", pair).hasSize(set.getMappings().size()).isEqualTo(stored);
            if (pair.startsWith("eu-ai-act")) {
                // Derived rows: a justification SSSOM 1.0 knows, the exact SEMAPV term in ext_derivation.
                assertThat(set.getMappings()).allMatch(m -> m.getMappingJustification().endsWith("LogicalReasoning")
                        || m.getMappingJustification().endsWith("MappingChaining"));
                assertThat(set.getMappings()).allMatch(m -> ext(m, "derivation").endsWith("MappingInversion")
                        || ext(m, "derivation").endsWith("MappingChaining"));
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
        return oscalFindings(doc, dir, "oscal_mapping_metaschema.xml");
    }

    static List<String> oscalFindings(Path doc, Path dir, String moduleFile) throws IOException, InterruptedException {
        Path module = Path.of("src/test/resources/oscal-1.2.2", moduleFile).toAbsolutePath();
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

    /** Every mapping set /api/exports lists, and every curated file in mappings/. */
    @Test
    void everySssomExportAndFileIsValidAgainstTheSssomLinkMlSchema() throws Exception {
        SssomJsonSchema schema = new SssomJsonSchema();
        List<String> ids = listedSets();
        assertThat(ids).hasSize(12);
        for (String id : ids) {
            HttpResponse<byte[]> r = get("/api/exports/mapping-sets/" + id + ".sssom.tsv");
            assertThat(r.statusCode()).isEqualTo(200);
            String tsv = SssomJsonSchema.utf8(r.body());
            assertThat(schema.validate(tsv)).as("SSSOM 1.0 JSON Schema findings for %s", id).isEmpty();
            // Versions are YAML strings ("2024", "1.0"), not numbers.
            assertThat(tsv).containsPattern("(?m)^#subject_source_version: \"[^\"]+\"$").containsPattern("(?m)^#object_source_version: \"[^\"]+\"$");
            // No label says its id twice ("Article 16(j) Article 16(j)").
            List<String> doubled = new ArrayList<>();
            for (JsonNode m : schema.toJson(tsv, new ArrayList<>()).get("mappings")) {
                for (String slot : List.of("subject_label", "object_label")) {
                    String label = m.path(slot).asString("");
                    if (label.matches("(.+) \\1")) doubled.add(label);
                }
            }
            assertThat(doubled).as("doubled labels in %s", id).isEmpty();
        }
        try (var files = Files.list(TestStores.mappingsDir())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sssom.tsv")).toList()) {
                assertThat(schema.validate(Files.readString(f))).as("SSSOM 1.0 JSON Schema findings for %s", f.getFileName()).isEmpty();
            }
        }
        // The check is not a rubber stamp: a version as a bare YAML number, an unknown justification, an
        // undeclared column and a bad extension value are each reported.
        String good = SssomJsonSchema.utf8(get("/api/exports/mapping-sets/eu-ai-act-iso42001.sssom.tsv").body());
        assertThat(schema.validate(good.replaceFirst("#subject_source_version: \"2024\"", "#subject_source_version: 2024")))
                .anyMatch(e -> e.contains("subject_source_version"));
        assertThat(schema.validate(good.replaceFirst("semapv:LogicalReasoning", "semapv:MappingInversion")))
                .anyMatch(e -> e.contains("mapping_justification"));
        assertThat(schema.validate(good.replaceFirst("\tcomment\t", "\tremark\t"))).anyMatch(e -> e.contains("remark"));
        assertThat(schema.validate(good.replaceFirst("\t2\n", "\ttwo\n"))).anyMatch(e -> e.contains("ext_strength"));
    }

    List<String> listedSets() throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(get("/api/exports").body()).get("mapping_sets").forEach(p -> ids.add(p.get("id").asString()));
        return ids;
    }

    /**
     * One list of mapping sets: /api/exports, the CLI's "export list" and mappings/ (each file a curated set,
     * its inverse a derived one) name the same sets; none is empty; a pair that is not a set is a 404.
     */
    @Test
    void theListOfSetsIsTheSameForRestCliAndFiles(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        JsonNode index = JSON.readTree(get("/api/exports").body());
        Set<String> rest = new java.util.TreeSet<>(), curated = new java.util.TreeSet<>();
        for (JsonNode p : index.get("mapping_sets")) {
            rest.add(p.get("id").asString());
            if (p.get("curated_set").asBoolean()) curated.add(p.get("id").asString());
            assertThat(p.get("curated").asInt() + p.get("derived").asInt()).as("rows of %s", p.get("id")).isPositive();
        }
        Set<String> files = new java.util.TreeSet<>();
        try (var list = Files.list(TestStores.mappingsDir())) {
            list.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sssom.tsv"))
                    .forEach(n -> files.add(n.substring(0, n.length() - ".sssom.tsv".length())));
        }
        assertThat(curated).isEqualTo(files);
        Set<String> expected = new java.util.TreeSet<>(files);
        for (String f : files) {
            Framework[] p = exports.pair(f);
            expected.add(p[1].id() + "-" + p[0].id());
        }
        assertThat(rest).isEqualTo(expected);

        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int exit = org.crosswalk.cli.CrosswalkCli.execute(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                "export", "list", "--ontology", TestStores.ontologyDir().toString(), "--mappings", TestStores.mappingsDir().toString(),
                "--store", tmp.resolve("cli-store").toString());
        assertThat(exit).as(err.toString()).isZero();
        Set<String> cli = new java.util.TreeSet<>();
        out.toString().lines().filter(l -> !l.isBlank()).forEach(l -> cli.add(l.strip().split("\\s+")[0]));
        assertThat(cli).isEqualTo(rest);

        // Ordered pairs of frameworks that are not in the list are not served (not even empty).
        List<String> frameworks = new ArrayList<>();
        index.get("catalogs").forEach(c -> frameworks.add(c.asString()));
        assertThat(frameworks).contains("eu-ai-act", "iso42001", "iso27001", "nist-ai-rmf");
        for (String s : frameworks) {
            for (String o : frameworks) {
                if (s.equals(o) || rest.contains(s + "-" + o)) continue;
                assertThat(get("/api/exports/mapping-sets/" + s + "-" + o + ".sssom.tsv").statusCode()).as(s + "-" + o).isEqualTo(404);
            }
        }
    }

    /** Unchanged data gives the same bytes: no date of the clock in SSSOM or OSCAL. */
    @Test
    void exportsAreByteStableAndDatedFromTheData() throws Exception {
        String today = java.time.LocalDate.now().toString();
        boolean dataMentionsToday;
        try (var files = Files.walk(TestStores.mappingsDir())) {
            dataMentionsToday = files.filter(Files::isRegularFile).anyMatch(f -> {
                try { return Files.readString(f).contains(today); } catch (IOException e) { return true; }
            });
        }
        for (String path : List.of("/api/exports/mapping-sets/iso42001-eu-ai-act.sssom.tsv", "/api/exports/mapping-sets/eu-ai-act-iso42001.sssom.tsv",
                "/api/exports/mapping-sets/iso42001-eu-ai-act.oscal.json", "/api/exports/catalogs/eu-ai-act.oscal.json")) {
            byte[] first = get(path).body();
            byte[] second = get(path).body();
            assertThat(second).as(path).isEqualTo(first);
            if (!dataMentionsToday) assertThat(SssomJsonSchema.utf8(first)).as(path).doesNotContain(today);
        }
        String lastModified = JSON.readTree(get("/api/exports/mapping-sets/iso42001-eu-ai-act.oscal.json").body())
                .get("mapping-collection").get("metadata").get("last-modified").asString();
        assertThat(lastModified).endsWith("T00:00:00Z");
        assertThat(Files.readString(TestStores.mappingsDir().resolve("iso42001-eu-ai-act.sssom.tsv"))).contains(lastModified.substring(0, 10));
    }

    /** OSCAL token (metaschema datatype "token"): what a control id must be. */
    static final java.util.regex.Pattern OSCAL_TOKEN = java.util.regex.Pattern.compile("^(\\p{L}|_)(\\p{L}|\\p{N}|[.\\-_])*$");

    /**
     * Every framework, the EU AI Act included, is an OSCAL catalog that NIST's tooling accepts (the 1.2.2
     * catalog model and its constraints), whose control ids are OSCAL tokens; every OSCAL mapping export
     * points at those catalogs, and every id it maps or lists as unmapped is a control there.
     */
    @Test
    void everyFrameworkIsAnOscalCatalogAndEveryMappedIdResolvesInIt(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        JsonNode index = JSON.readTree(get("/api/exports").body());
        java.util.Map<String, Set<String>> controlIds = new java.util.HashMap<>();
        for (JsonNode c : index.get("catalogs")) {
            String id = c.asString();
            HttpResponse<byte[]> r = get("/api/exports/catalogs/" + id + ".oscal.json");
            assertThat(r.statusCode()).isEqualTo(200);
            Path doc = dir.resolve(id + ".oscal.json");
            Files.write(doc, r.body());
            assertThat(oscalFindings(doc, dir, "oscal_catalog_metaschema.xml")).as("OSCAL 1.2.2 catalog findings for %s", id).isEmpty();
            Set<String> ids = new HashSet<>();
            collectControls(JSON.readTree(r.body()).get("catalog").get("controls"), ids);
            assertThat(ids).as(id).isNotEmpty().allMatch(i -> OSCAL_TOKEN.matcher(i).matches());
            controlIds.put("/api/exports/catalogs/" + id + ".oscal.json", ids);
        }
        assertThat(controlIds).containsKey("/api/exports/catalogs/eu-ai-act.oscal.json");

        for (String set : listedSets()) {
            URI self = URI.create("http://localhost:" + port + "/api/exports/mapping-sets/" + set + ".oscal.json");
            HttpResponse<byte[]> r = get(self.getPath());
            assertThat(r.statusCode()).as(set).isEqualTo(200);
            JsonNode mappings = JSON.readTree(r.body()).get("mapping-collection").get("mappings");
            Set<String> source = controlIds.get(self.resolve(mappings.get("source-resource").get("href").asString()).getPath());
            Set<String> target = controlIds.get(self.resolve(mappings.get("target-resource").get("href").asString()).getPath());
            assertThat(source).as("source catalog of %s", set).isNotNull();
            assertThat(target).as("target catalog of %s", set).isNotNull();
            List<String> unresolved = new ArrayList<>();
            for (JsonNode map : mappings.get("maps")) {
                map.get("sources").forEach(s -> { if (!source.contains(s.get("id-ref").asString())) unresolved.add(s.get("id-ref").asString()); });
                map.get("targets").forEach(t -> { if (!target.contains(t.get("id-ref").asString())) unresolved.add(t.get("id-ref").asString()); });
            }
            for (var side : List.of(java.util.Map.entry("source-gap-summary", source), java.util.Map.entry("target-gap-summary", target))) {
                for (JsonNode u : mappings.path(side.getKey()).path("unmapped-controls")) {
                    u.get("with-ids").forEach(i -> { if (!side.getValue().contains(i.asString())) unresolved.add(i.asString()); });
                }
            }
            assertThat(unresolved).as("ids of %s not in its catalogs", set).isEmpty();
        }
        assertThat(get("/api/exports/catalogs/eu-aiact.oscal.json").statusCode()).isEqualTo(404);
    }

    static void collectControls(JsonNode controls, Set<String> ids) {
        if (controls == null) return;
        for (JsonNode c : controls) {
            ids.add(c.get("id").asString());
            collectControls(c.get("controls"), ids);
        }
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
        // A gap workbook has its summary sheet too: per target the gap rows and the leaf counts of coverage.
        HttpResponse<byte[]> g = get("/api/exports/gaps.xlsx?source=iso42001&target=eu-ai-act&target=nist-ai-rmf&role=provider");
        assertThat(g.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(g.body()))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            Sheet summary = book.getSheet("summary");
            assertThat(summary.getLastRowNum()).isEqualTo(2);
            assertThat(summary.getRow(0).getCell(9).getStringCellValue()).isEqualTo("gaps");
            Sheet eu = book.getSheet("eu-ai-act");
            Set<String> listed = new HashSet<>();
            for (int r = 1; r <= eu.getLastRowNum(); r++) listed.add(eu.getRow(r).getCell(0).getStringCellValue());
            assertThat((int) summary.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(listed.size());
            assertThat(summary.getRow(0).getCell(15).getStringCellValue()).isEqualTo("percent_full");
        }
        // Every workbook declares its default cell style ("Normal"), which spreadsheet readers expect.
        for (byte[] workbook : List.of(g.body(), x.body())) {
            try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook))) {
                String styles = null;
                for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals("xl/styles.xml")) styles = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(styles).contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>");
            }
        }
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
