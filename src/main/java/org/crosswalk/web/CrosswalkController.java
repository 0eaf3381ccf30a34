package org.crosswalk.web;

import java.util.List;
import java.util.Set;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.HoldingsCsv;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.answers.Views.*;
import org.springframework.http.MediaType;
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
 * The crosswalk answers over REST: each method is one named query of queries/ with typed parameters.
 * Every list answer is JSON by default and CSV with Accept: text/csv or ?format=csv.
 */
@RestController
@RequestMapping(path = "/api", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
@Tag(name = "Crosswalk answers", description = "Crosswalk, coverage, gaps, evidence reuse and search")
public class CrosswalkController {
    private final CrosswalkAnswers answers;

    public CrosswalkController(CrosswalkAnswers answers) {
        this.answers = answers;
    }

    static final String DEFAULT_SOURCE = "iso42001";
    private static final String SOURCE_DOC = "Framework satisfied as a whole. Defaults to iso42001 only when neither "
            + "satisfied nor evidence is given; an empty value (source=) means no whole framework.";

    /**
     * What a GET caller holds. The whole of ISO 42001 is the default question only for a caller who lists
     * nothing: one who sends satisfied= or evidence= lists is asking about those, and silently adding a
     * whole framework to them would report coverage the caller does not have.
     */
    static Holdings held(String source, List<String> satisfied, List<String> evidence) {
        boolean listed = (satisfied != null && !satisfied.isEmpty()) || (evidence != null && !evidence.isEmpty());
        String whole = source == null ? (listed ? null : DEFAULT_SOURCE) : source.isBlank() ? null : source.strip();
        return new Holdings(whole, satisfied, List.of(), evidence);
    }

    @GetMapping("/crosswalk")
    @Operation(summary = "Mappings from one framework (or one requirement and its descendants) to another",
            description = "queries/crosswalk.rq: curated and derived mappings with relation, strength, rationale, reason and provenance.")
    public CrosswalkAnswer crosswalk(
            @Parameter(description = "Source framework id") @RequestParam(defaultValue = "iso42001") String source,
            @Parameter(description = "Target framework id") @RequestParam(defaultValue = "eu-ai-act") String target,
            @Parameter(description = "A source requirement in any written form (A.6.2.4, GOVERN 1.1, Article 9(2))")
            @RequestParam(required = false) String requirement,
            @Parameter(description = "Include derived (inverted, chained) mappings") @RequestParam(defaultValue = "true") boolean derived,
            @Parameter(description = "Minimum strength 0-10") @RequestParam(defaultValue = "0") int minStrength) {
        // A look-up names the one thing it returns: a requirement that does not exist is 404, as its page
        // is. An unknown framework stays 422, as in every other question's parameters.
        return ProblemHandler.unknownIsNotFound(requirement == null ? Set.of() : Set.of(Thing.REQUIREMENT),
                () -> answers.crosswalk(source, target, requirement, derived, minStrength));
    }

    @GetMapping("/coverage")
    @Operation(summary = "Coverage of a target framework by a whole source framework (and/or listed requirements/evidence)",
            description = "queries/coverage.rq: status full/partial/none per requirement, rolled up, with justifications; summary counts and percent_full over applicable leaves.")
    public CoverageAnswer coverage(
            @Parameter(description = SOURCE_DOC) @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String asOf,
            @Parameter(description = "Satisfied requirements, framework:id") @RequestParam(required = false) List<String> satisfied,
            @Parameter(description = "Evidence type ids held") @RequestParam(required = false) List<String> evidence) {
        return answers.coverage(held(source, satisfied, evidence), target, new Filters(role, system, asOf));
    }

    @PostMapping(path = "/coverage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Coverage for an organisation profile sent as JSON (stateless)")
    public CoverageAnswer coverageFromJson(@RequestBody Holdings holdings,
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf) {
        return answers.coverage(holdings, target, new Filters(role, system, asOf));
    }

    @PostMapping(path = "/coverage", consumes = "text/csv")
    @Operation(summary = "Coverage for an organisation profile sent as CSV (framework,requirement,status)")
    public CoverageAnswer coverageFromCsv(@RequestBody String csv,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf) {
        return answers.coverage(HoldingsCsv.parse(csv, source), target, new Filters(role, system, asOf));
    }

    @GetMapping("/gaps")
    @Operation(summary = "Requirements of the target left uncovered, with the reason",
            description = "queries/coverage.rq with onlyGaps: status none (and partial with includePartial), filtered by EU AI Act role, system class and the law in force on asOf (default today); an explicit no-relationship mapping says why, and each row says from when the provision applies and which act set that date.")
    public GapAnswer gaps(
            @Parameter(description = SOURCE_DOC) @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "false") boolean includePartial,
            @Parameter(description = "Satisfied requirements, framework:id") @RequestParam(required = false) List<String> satisfied,
            @Parameter(description = "Evidence type ids held") @RequestParam(required = false) List<String> evidence) {
        return answers.gaps(held(source, satisfied, evidence), target, new Filters(role, system, asOf), includePartial);
    }

    @PostMapping(path = "/gaps", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Gaps for an organisation profile sent as JSON (stateless)")
    public GapAnswer gapsFromJson(@RequestBody Holdings holdings,
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "false") boolean includePartial) {
        return answers.gaps(holdings, target, new Filters(role, system, asOf), includePartial);
    }

    @PostMapping(path = "/gaps", consumes = "text/csv")
    @Operation(summary = "Gaps for an organisation profile sent as CSV (framework,requirement,status)")
    public GapAnswer gapsFromCsv(@RequestBody String csv,
            @RequestParam(required = false) String source,
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf,
            @RequestParam(defaultValue = "false") boolean includePartial) {
        return answers.gaps(HoldingsCsv.parse(csv, source), target, new Filters(role, system, asOf), includePartial);
    }

    @GetMapping("/changes")
    @Operation(summary = "What changed in the law for a role and system class between two dates",
            description = "queries/changes.rq: EU AI Act obligations added, removed, moved in time or amended between the law on 'from' and on 'to' (point-in-time versions; default today), each with its dates, the act that made the change and the provision that sets the date.")
    public ChangesAnswer changes(
            @RequestParam(defaultValue = "eu-ai-act") String target,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String system,
            @Parameter(description = "YYYY-MM-DD (default today)") @RequestParam(required = false) String from,
            @Parameter(description = "YYYY-MM-DD (default today)") @RequestParam(required = false) String to) {
        return answers.changes(target, role, system, from, to);
    }

    @GetMapping("/evidence")
    @Operation(summary = "Evidence types ranked by how many frameworks and requirements they serve",
            description = "queries/evidence-reuse.rq: collect once, satisfy many.")
    public EvidenceRanking evidence() {
        return answers.evidenceRanking();
    }

    @GetMapping("/evidence/{id}")
    @Operation(summary = "Everything one evidence type supports, in every framework")
    public EvidenceSupport evidenceType(@PathVariable String id) {
        return ProblemHandler.unknownIsNotFound(Set.of(Thing.EVIDENCE_TYPE), () -> {
            answers.index().evidence(id); // the query would answer an unknown id with nothing, not with 404
            return answers.evidenceSupport(List.of(id));
        });
    }

    /** Body of POST /api/evidence/support. */
    public record HeldEvidence(List<String> evidence) {}

    @PostMapping(path = "/evidence/support", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "What a list of held evidence supports", description = "queries/evidence-support.rq")
    public EvidenceSupport evidenceSupport(@RequestBody HeldEvidence held) {
        if (held.evidence() == null || held.evidence().isEmpty()) {
            throw new InvalidInputException("Field 'evidence' must list at least one evidence type id", null, "evidence");
        }
        for (int i = 0; i < held.evidence().size(); i++) {
            String id = held.evidence().get(i);
            if (id == null || id.isBlank()) {
                throw new InvalidInputException("Field 'evidence' item " + i + " is " + (id == null ? "null" : "empty")
                        + ": every item must be an evidence type id", null, "evidence");
            }
        }
        return answers.evidenceSupport(held.evidence());
    }

    @GetMapping("/search")
    @Operation(summary = "Full-text search across frameworks", description = "queries/search.rq (jena-text / Lucene)")
    public SearchAnswer search(@RequestParam String q, @RequestParam(required = false) String framework) {
        return answers.search(q, framework);
    }
}
