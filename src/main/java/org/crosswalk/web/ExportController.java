package org.crosswalk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.HoldingsCsv;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.export.Exports;
import org.crosswalk.export.Exports.PairInfo;
import org.crosswalk.export.Exports.ReportFormat;
import org.crosswalk.export.GraphExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Downloads: the file formats GRC tools exchange. The format is the file extension of the URL, so a
 * link can be pasted into a browser or a spreadsheet tool as is.
 */
@RestController
@RequestMapping("/api/exports")
@Tag(name = "Exports", description = "SSSOM, OSCAL, CSV, XLSX, Turtle and JSON-LD downloads")
public class ExportController {
    static final MediaType TSV = MediaType.parseMediaType("text/tab-separated-values;charset=UTF-8");
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /**
     * What an export is asked for is the thing it sends (the file in the path, or the framework of a
     * graph export), so an unknown id there is 404 — also for the graph export's {@code framework}
     * parameter, as exports have always answered, where other query parameters give 422.
     */
    private static final Set<Thing> NAMED_BY_THE_URL = EnumSet.allOf(Thing.class);

    private final Exports exports;

    public ExportController(Exports exports) {
        this.exports = exports;
    }

    public record ExportIndex(List<PairInfo> mappingSets, List<String> catalogs, Map<String, String> formats) {}

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The framework pairs that have mappings, and the download URL patterns")
    public ExportIndex index() {
        return new ExportIndex(exports.pairs(), exports.catalogs(), Map.of(
                "sssom", "/api/exports/mapping-sets/{pair}.sssom.tsv",
                "oscal", "/api/exports/mapping-sets/{pair}.oscal.json",
                "oscal_catalog", "/api/exports/catalogs/{framework}.oscal.json",
                "crosswalk", "/api/exports/crosswalk/{pair}.csv | .xlsx | .json",
                "coverage", "/api/exports/coverage.csv | .xlsx | .json?source=&target=",
                "gaps", "/api/exports/gaps.csv | .xlsx | .json?source=&target=",
                "graph", "/api/exports/graph.ttl | .jsonld?framework="));
    }

    @GetMapping("/mapping-sets/{file}")
    @Operation(summary = "A mapping set, curated and derived rows, as SSSOM TSV ({pair}.sssom.tsv) or OSCAL 1.2 mapping-collection ({pair}.oscal.json)")
    public ResponseEntity<byte[]> mappingSet(@Parameter(example = "iso42001-eu-ai-act.sssom.tsv") @PathVariable String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return ProblemHandler.unknownIsNotFound(NAMED_BY_THE_URL, () -> {
            if (file.endsWith(".sssom.tsv")) {
                exports.sssom(stem(file, ".sssom.tsv"), out);
                return download(out, file, TSV);
            }
            if (file.endsWith(".oscal.json")) {
                exports.oscal(stem(file, ".oscal.json"), out);
                return download(out, file, MediaType.APPLICATION_JSON);
            }
            throw new ProblemHandler.NotFound(UnknownIdException.described(Thing.FILE, "export file", file,
                    List.of("iso42001-eu-ai-act.sssom.tsv", "iso42001-eu-ai-act.oscal.json")));
        });
    }

    @GetMapping("/catalogs/{file}")
    @Operation(summary = "A framework as an OSCAL 1.2 catalog ({framework}.oscal.json): every requirement a control, the ids the OSCAL mapping exports use")
    public ResponseEntity<byte[]> catalog(@Parameter(example = "eu-ai-act.oscal.json") @PathVariable String file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return ProblemHandler.unknownIsNotFound(NAMED_BY_THE_URL, () -> {
            if (file.endsWith(".oscal.json")) {
                exports.oscalCatalog(stem(file, ".oscal.json"), out);
                return download(out, file, MediaType.APPLICATION_JSON);
            }
            throw new ProblemHandler.NotFound(UnknownIdException.described(Thing.FILE, "catalog file", file,
                    exports.catalogs().stream().map(id -> id + ".oscal.json").toList()));
        });
    }

    @GetMapping("/crosswalk/{file}")
    @Operation(summary = "The mappings of a framework pair as a readable table: {pair}.csv, {pair}.xlsx or {pair}.json")
    public ResponseEntity<byte[]> crosswalk(@Parameter(example = "iso42001-eu-ai-act.xlsx") @PathVariable String file) throws IOException {
        ReportFile f = ReportFile.of(file);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return ProblemHandler.unknownIsNotFound(NAMED_BY_THE_URL, () -> {
            exports.crosswalk(f.stem, f.format, out);
            return download(out, file, f.mediaType());
        });
    }

    @GetMapping("/coverage.{ext}")
    @Operation(summary = "Coverage report of one or more target frameworks (XLSX: one sheet per target)")
    public ResponseEntity<byte[]> coverage(@PathVariable String ext, @RequestParam(defaultValue = "iso42001") String source,
            @RequestParam(defaultValue = "eu-ai-act") List<String> target, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf) throws IOException {
        return coverageReport(ext, Holdings.wholeFramework(source), target, new Filters(role, system, asOf));
    }

    @PostMapping(path = "/coverage.{ext}", consumes = "text/csv")
    @Operation(summary = "Coverage report for an organisation profile (CSV framework,requirement,status)")
    public ResponseEntity<byte[]> coverageOfProfile(@PathVariable String ext, @RequestBody String csv,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "eu-ai-act") List<String> target,
            @RequestParam(required = false) String role, @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf) throws IOException {
        return coverageReport(ext, HoldingsCsv.parse(csv, source), target, new Filters(role, system, asOf));
    }

    @GetMapping("/gaps.{ext}")
    @Operation(summary = "Gap report of one or more target frameworks (XLSX: one sheet per target)")
    public ResponseEntity<byte[]> gaps(@PathVariable String ext, @RequestParam(defaultValue = "iso42001") String source,
            @RequestParam(defaultValue = "eu-ai-act") List<String> target, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "false") boolean includePartial) throws IOException {
        return gapReport(ext, Holdings.wholeFramework(source), target, new Filters(role, system, asOf), includePartial);
    }

    @PostMapping(path = "/gaps.{ext}", consumes = "text/csv")
    @Operation(summary = "Gap report for an organisation profile (CSV framework,requirement,status)")
    public ResponseEntity<byte[]> gapsOfProfile(@PathVariable String ext, @RequestBody String csv,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "eu-ai-act") List<String> target,
            @RequestParam(required = false) String role, @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "false") boolean includePartial) throws IOException {
        return gapReport(ext, HoldingsCsv.parse(csv, source), target, new Filters(role, system, asOf), includePartial);
    }

    @GetMapping("/graph.{ext}")
    @Operation(summary = "The whole graph, or one framework (with the mappings touching it), as Turtle (.ttl) or JSON-LD (.jsonld)")
    public ResponseEntity<byte[]> graph(@PathVariable String ext, @RequestParam(required = false) String framework,
            @RequestParam(defaultValue = "true") boolean mappings) {
        GraphExport.Format format = GraphExport.Format.of(ext);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return ProblemHandler.unknownIsNotFound(NAMED_BY_THE_URL, () -> {
            exports.graph(framework, format, mappings, out);
            return download(out, (framework == null ? "crosswalk" : framework) + "." + format.extension, MediaType.parseMediaType(format.mediaType));
        });
    }

    private ResponseEntity<byte[]> coverageReport(String ext, Holdings holdings, List<String> targets, Filters filters) throws IOException {
        ReportFile f = ReportFile.of("coverage." + ext);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.coverage(holdings, targets, filters, f.format, out);
        return download(out, "coverage." + ext, f.mediaType());
    }

    private ResponseEntity<byte[]> gapReport(String ext, Holdings holdings, List<String> targets, Filters filters,
            boolean includePartial) throws IOException {
        ReportFile f = ReportFile.of("gaps." + ext);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.gaps(holdings, targets, filters, includePartial, f.format, out);
        return download(out, "gaps." + ext, f.mediaType());
    }

    private static ResponseEntity<byte[]> download(ByteArrayOutputStream out, String filename, MediaType type) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(type);
        h.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().headers(h).body(out.toByteArray());
    }

    private static String stem(String file, String suffix) {
        return file.substring(0, file.length() - suffix.length());
    }

    /** "name.csv" → stem and report format; an unknown extension is a bad request naming the valid ones. */
    private record ReportFile(String stem, ReportFormat format) {
        static ReportFile of(String file) {
            int dot = file.lastIndexOf('.');
            if (dot < 0) throw new IllegalArgumentException("add a file extension: .csv, .xlsx or .json");
            return new ReportFile(file.substring(0, dot), ReportFormat.of(file.substring(dot + 1)));
        }

        MediaType mediaType() {
            return switch (format) {
                case CSV -> CsvMessageConverter.TEXT_CSV;
                case XLSX -> XLSX;
                case JSON -> MediaType.APPLICATION_JSON;
            };
        }
    }
}
