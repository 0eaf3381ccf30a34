package org.crosswalk.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.crosswalk.CurationConfiguration.ServedData;
import org.crosswalk.graph.DataSources;
import org.crosswalk.imports.FrameworkImporter;
import org.crosswalk.imports.ImportException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code POST /api/imports/frameworks}: the body is an OSCAL catalog (JSON or XML) or a CSV; the new
 * framework is stored as a Turtle file beside the built-in catalogues and served at once. There is no
 * authentication in the service yet: run it where only curators can reach it.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Curation", description = "Import a framework; suggest, review and accept mappings")
public class ImportController {
    private final FrameworkImporter importer;
    private final ServedData served;
    private final DataSources sources;

    public ImportController(FrameworkImporter importer, ServedData served, DataSources sources) {
        this.importer = importer;
        this.served = served;
        this.sources = sources;
    }

    @PostMapping(path = "/frameworks", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_XML_VALUE,
            "text/csv", MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a framework from an OSCAL 1.x catalog (JSON, XML) or a CSV (id, parent_id, title, text)",
            description = "201 with the new framework's counts; 422 with every problem located (line or JSON pointer) and nothing stored; "
                    + "413 above crosswalk.max-import-size.")
    public ResponseEntity<Map<String, Object>> importFramework(@RequestParam String id, @RequestParam String version,
            @RequestParam(required = false) String title, @RequestParam(required = false) String source,
            @RequestParam(required = false) String filename,
            @RequestHeader(value = "Content-Type", required = false) String contentType, @RequestBody byte[] body) {
        String name = filename != null ? filename : "upload." + extension(contentType);
        FrameworkImporter.Result r = importer.importBytes(body, name, new FrameworkImporter.Options(id, title, version, source), step -> {});
        served.serve(r.graph());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("iri", r.iri());
        out.put("requirements", r.requirements());
        out.put("top_concepts", r.topConcepts());
        out.put("with_text", r.withText());
        out.put("file", sources.displayName(r.file()));
        out.put("data_version", r.graph().version());
        return ResponseEntity.created(URI.create("/api/frameworks/" + r.id())).body(out);
    }

    private static String extension(String contentType) {
        if (contentType == null) return "bin";
        if (contentType.contains("json")) return "json";
        if (contentType.contains("xml")) return "xml";
        if (contentType.contains("csv")) return "csv";
        return "bin";
    }

    /** Every problem of the catalogue, located; 413 for a body above the import limit. */
    @ExceptionHandler(ImportException.class)
    ResponseEntity<ProblemDetail> refused(ImportException e) {
        boolean tooLarge = e.problems().size() == 1 && e.problems().getFirst().contains("above the import limit");
        HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, e.problems().size() + " problem"
                + (e.problems().size() == 1 ? "" : "s") + " in the catalogue; nothing was stored. " + e.problems().getFirst());
        pd.setTitle("Catalogue not imported");
        pd.setProperty("errors", e.problems());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
