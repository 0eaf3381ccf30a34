package org.crosswalk.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.ProfileGraph;
import org.crosswalk.answers.Views.CoverageAnswer;
import org.crosswalk.answers.Views.EvidenceSupport;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.answers.Views.GapAnswer;
import org.crosswalk.export.Exports;
import org.crosswalk.export.Exports.ReportFormat;
import org.crosswalk.security.TenantAuthentication;
import org.crosswalk.tenancy.ProfileInput;
import org.crosswalk.tenancy.ProfileStatement;
import org.crosswalk.tenancy.Profiles;
import org.crosswalk.tenancy.Profiles.Diff;
import org.crosswalk.tenancy.Profiles.Profile;
import org.crosswalk.tenancy.Profiles.Summary;
import org.crosswalk.tenancy.Profiles.Version;
import org.crosswalk.tenancy.TenantView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Stored organisation profiles of the caller's tenant. The tenant comes from the credential, never from
 * the URL, so another tenant's profile is simply not there (404). Reads carry an ETag (the version);
 * every write needs If-Match with the current one (428 without, 412 when stale) and creates a new
 * version with PROV-O history. Answers for a stored profile run the same named queries as the stateless
 * endpoints.
 */
@RestController
@RequestMapping(path = "/api/profiles")
@Tag(name = "Profiles", description = "Organisation profiles stored per tenant (bearer token or JWT)")
@SecurityRequirement(name = "bearer")
public class ProfileController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Profiles profiles;
    private final ProfileInput input;
    private final CrosswalkAnswers answers;
    private final Exports exports;
    private final TenantView view;

    public ProfileController(Profiles profiles, ProfileInput input, CrosswalkAnswers answers, Exports exports, TenantView view) {
        this.profiles = profiles;
        this.input = input;
        this.answers = answers;
        this.exports = exports;
        this.view = view;
    }

    /** Body of POST and PUT in JSON. */
    public record ProfileBody(String id, String title, List<ProfileInput.Row> statements) {}

    /** Body of PATCH …/statements: statements to add or replace (by requirement/evidence), refs to remove. */
    public record StatementPatch(List<ProfileInput.Row> upsert, List<String> remove) {}

    private static TenantAuthentication caller() {
        return (TenantAuthentication) SecurityContextHolder.getContext().getAuthentication();
    }

    // ------------------------------------------------------------------ list, create, read

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The tenant's profiles (deleted=true: the deleted ones still restorable)")
    public List<Summary> list(@RequestParam(defaultValue = "false") boolean deleted) {
        return profiles.list(caller().tenant(), deleted);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a profile from JSON statements")
    public ResponseEntity<Profile> create(@RequestBody ProfileBody body) {
        String id = body.id() == null || body.id().isBlank() ? newId() : body.id();
        List<ProfileStatement> statements = input.fromRows(body.statements(), 1);
        return created(profiles.create(caller().tenant(), id, body.title(), statements, caller().agent()));
    }

    @PostMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a profile from the CSV GRC tools export (framework,requirement,status[,note,owner,date])")
    public ResponseEntity<Profile> importCsv(@RequestBody String csv, @RequestParam(required = false) String id,
            @RequestParam(required = false) String title) {
        List<ProfileStatement> statements = input.fromCsv(csv);
        return created(profiles.create(caller().tenant(), id == null ? newId() : id, title, statements, caller().agent()));
    }

    @PostMapping(consumes = XLSX, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a profile from an XLSX workbook (first sheet, same columns as the CSV)")
    public ResponseEntity<Profile> importXlsx(@RequestBody byte[] xlsx, @RequestParam(required = false) String id,
            @RequestParam(required = false) String title) {
        List<ProfileStatement> statements = input.fromXlsx(xlsx);
        return created(profiles.create(caller().tenant(), id == null ? newId() : id, title, statements, caller().agent()));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A profile with its current statements; ETag is its version")
    public ResponseEntity<Profile> read(@PathVariable String id) {
        return withEtag(ResponseEntity.ok(), profiles.get(caller().tenant(), id));
    }

    // ------------------------------------------------------------------ writes (If-Match)

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a profile's statements (If-Match required)")
    public ResponseEntity<Profile> replace(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody ProfileBody body) {
        String expected = requireIfMatch(ifMatch);
        List<ProfileStatement> statements = input.fromRows(body.statements(), 1);
        return withEtag(ResponseEntity.ok(), profiles.replace(caller().tenant(), id, expected, body.title(), statements, caller().agent()));
    }

    @PutMapping(path = "/{id}", consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a profile by importing CSV (If-Match required)")
    public ResponseEntity<Profile> replaceCsv(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody String csv, @RequestParam(required = false) String title) {
        String expected = requireIfMatch(ifMatch);
        List<ProfileStatement> statements = input.fromCsv(csv);
        return withEtag(ResponseEntity.ok(), profiles.replace(caller().tenant(), id, expected, title, statements, caller().agent()));
    }

    @PutMapping(path = "/{id}", consumes = XLSX, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a profile by importing XLSX (If-Match required)")
    public ResponseEntity<Profile> replaceXlsx(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody byte[] xlsx, @RequestParam(required = false) String title) {
        String expected = requireIfMatch(ifMatch);
        List<ProfileStatement> statements = input.fromXlsx(xlsx);
        return withEtag(ResponseEntity.ok(), profiles.replace(caller().tenant(), id, expected, title, statements, caller().agent()));
    }

    @PatchMapping(path = "/{id}/statements", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add, change or remove statements (If-Match required)")
    public ResponseEntity<Profile> patch(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestBody StatementPatch body) {
        String expected = requireIfMatch(ifMatch);
        List<ProfileStatement> upsert = input.fromRows(body.upsert(), 1);
        List<String> remove = body.remove() == null ? List.of() : body.remove().stream().map(input::ref).toList();
        return withEtag(ResponseEntity.ok(), profiles.patch(caller().tenant(), id, expected, upsert, remove, caller().agent()));
    }

    @DeleteMapping(path = "/{id}")
    @Operation(summary = "Delete a profile (soft: restorable for 30 days; If-Match required)")
    public ResponseEntity<Void> delete(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        profiles.delete(caller().tenant(), id, requireIfMatch(ifMatch), caller().agent());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/restore", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Restore a profile deleted less than 30 days ago")
    public ResponseEntity<Profile> restore(@PathVariable String id) {
        return withEtag(ResponseEntity.ok(), profiles.restore(caller().tenant(), id, caller().agent()));
    }

    // ------------------------------------------------------------------ history

    @GetMapping(path = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every version: when, by whom, what kind of change, how many statements added/removed/changed")
    public List<Version> history(@PathVariable String id) {
        return profiles.history(caller().tenant(), id);
    }

    @GetMapping(path = "/{id}/versions/{version}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "An old version of a profile")
    public Profile version(@PathVariable String id, @PathVariable int version) {
        return profiles.version(caller().tenant(), id, version);
    }

    @GetMapping(path = "/{id}/diff", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Statements added, removed and changed between two versions (to defaults to the current one)")
    public Diff diff(@PathVariable String id, @RequestParam int from, @RequestParam(required = false) Integer to) {
        int upTo = to != null ? to : profiles.currentLiveVersion(caller().tenant(), id);
        return profiles.diff(caller().tenant(), id, from, upTo);
    }

    // ------------------------------------------------------------------ answers for a stored profile

    @GetMapping(path = "/{id}/coverage", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Coverage of a target framework by a stored profile (queries/coverage.rq)")
    public ResponseEntity<CoverageAnswer> coverage(@PathVariable String id, @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role, @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf, @RequestParam(required = false) Integer version) {
        Profile p = at(id, version);
        return withEtag(ResponseEntity.ok(), p.version(), answers.coverage(held(p), graph(p), target, new Filters(role, system, asOf)));
    }

    @GetMapping(path = "/{id}/gaps", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Gaps of a target framework for a stored profile (queries/gaps.rq)")
    public ResponseEntity<GapAnswer> gaps(@PathVariable String id, @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role, @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "false") boolean includePartial,
            @RequestParam(required = false) Integer version) {
        Profile p = at(id, version);
        return withEtag(ResponseEntity.ok(), p.version(), answers.gaps(held(p), graph(p), target, new Filters(role, system, asOf), includePartial));
    }

    @GetMapping(path = "/{id}/evidence-reuse", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "What the profile's evidence supports in every framework (queries/evidence-support.rq)")
    public ResponseEntity<EvidenceSupport> evidenceReuse(@PathVariable String id, @RequestParam(required = false) Integer version) {
        Profile p = at(id, version);
        EvidenceSupport support = answers.evidenceSupport(held(p).evidence(), graph(p));
        return withEtag(ResponseEntity.ok(), p.version(), support);
    }

    @GetMapping(path = "/{id}/exports/{report}.{ext}")
    @Operation(summary = "Coverage or gap report of a stored profile: coverage.csv|xlsx|json, gaps.csv|xlsx|json")
    public ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String report, @PathVariable String ext,
            @RequestParam(defaultValue = "eu-ai-act") List<String> target, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "false") boolean includePartial, @RequestParam(required = false) Integer version) throws IOException {
        Profile p = at(id, version);
        ReportFormat format = ReportFormat.of(ext);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Filters filters = new Filters(role, system, asOf);
        switch (report) {
            case "coverage" -> exports.coverage(held(p), graph(p), target, filters, format, out);
            case "gaps" -> exports.gaps(held(p), graph(p), target, filters, includePartial, format, out);
            default -> throw new IllegalArgumentException("report must be coverage or gaps, not '" + report + "'");
        }
        HttpHeaders h = new HttpHeaders();
        h.setContentType(switch (format) {
            case CSV -> CsvMessageConverter.TEXT_CSV;
            case XLSX -> MediaType.parseMediaType(XLSX);
            case JSON -> MediaType.APPLICATION_JSON;
        });
        h.setContentDisposition(ContentDisposition.attachment().filename(id + "-" + report + "." + ext).build());
        h.setETag(Profiles.etag(p.version()));
        return ResponseEntity.ok().headers(h).body(out.toByteArray());
    }

    /** The profile version as the named queries read it: its version graph, in a dataset of the reference data plus that graph alone. */
    private ProfileGraph graph(Profile p) {
        return view.queryGraph(caller().tenant(), p);
    }

    /**
     * What a stored profile lists, for the answer to say what it was computed for (the queries read the
     * graph itself), in the terms the named queries take: satisfied and partial requirements,
     * evidence held (satisfied or partial). Planned and not-applicable statements hold nothing.
     */
    public static Holdings held(Profile p) {
        List<String> satisfied = p.statements().stream().filter(s -> !s.isEvidence() && s.status().equals("satisfied")).map(ProfileStatement::ref).toList();
        List<String> partial = p.statements().stream().filter(s -> !s.isEvidence() && s.status().equals("partial")).map(ProfileStatement::ref).toList();
        List<String> evidence = p.statements().stream()
                .filter(s -> s.isEvidence() && (s.status().equals("satisfied") || s.status().equals("partial")))
                .map(s -> s.ref().substring("evidence:".length())).toList();
        return new Holdings(null, satisfied, partial, evidence);
    }

    private Profile at(String id, Integer version) {
        return version == null ? profiles.get(caller().tenant(), id) : profiles.version(caller().tenant(), id, version);
    }

    // ------------------------------------------------------------------ helpers

    /** Writes are made against a version the caller has seen: no If-Match, no write (428). */
    static String requireIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) throw new PreconditionRequired();
        return ifMatch.strip().replaceFirst("^W/", "");
    }

    /** 428: a write without If-Match. */
    public static class PreconditionRequired extends RuntimeException {
        PreconditionRequired() {
            super("Writes to a profile need If-Match with its current ETag (GET the profile first), so no change made by someone else is overwritten unseen");
        }
    }

    private static String newId() {
        return "p-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    private static ResponseEntity<Profile> created(Profile p) {
        return ResponseEntity.created(URI.create("/api/profiles/" + p.id())).eTag(Profiles.etag(p.version())).body(p);
    }

    private static ResponseEntity<Profile> withEtag(ResponseEntity.BodyBuilder b, Profile p) {
        return b.eTag(Profiles.etag(p.version())).body(p);
    }

    private static <T> ResponseEntity<T> withEtag(ResponseEntity.BodyBuilder b, int version, T body) {
        return b.eTag(Profiles.etag(version)).body(body);
    }
}
