package org.crosswalk.webui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.HoldingsCsv;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.Views.CoverageAnswer;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.export.Exports;
import org.crosswalk.export.Exports.ReportFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EU AI Act overlap check: for a role, a system class and a date, what of the Act's obligations
 * what the organisation holds covers — a whole framework, requirements and evidence types ticked on the
 * page, or a profile file in the CSV or JSON format POST /api/coverage accepts. The answer is
 * queries/coverage.rq through {@link CrosswalkAnswers#coverage}, exactly as /api/coverage gives it; the
 * downloads are {@link Exports#coverage} of the same inputs. The whole state is the query string: an
 * uploaded profile is turned into the same parameters, so its answer has a link too.
 */
@Controller
public class OverlapCheckPage {
    static final String TARGET = CrosswalkAnswers.EU_AI_ACT;
    /** Past this length a link would hit the servers' URL limits: the answer is shown without one. */
    static final int MAX_LINK = 6000;

    private final CrosswalkAnswers answers;
    private final FrameworkOutlines outlines;
    private final Exports exports;
    private final JsonMapper json;

    public OverlapCheckPage(CrosswalkAnswers answers, FrameworkOutlines outlines, Exports exports, JsonMapper json) {
        this.answers = answers;
        this.outlines = outlines;
        this.exports = exports;
        this.json = json;
    }

    /** What the form holds, as given (kept on the page when it is wrong, so nothing typed is lost). */
    public record Inputs(String source, List<String> satisfied, List<String> partial, List<String> evidence, String role,
            String system, String asOf) {
        Holdings holdings() {
            return new Holdings(blank(source) ? null : source, satisfied, partial, evidence);
        }

        Filters filters() {
            return new Filters(blank(role) ? null : role, blank(system) ? null : system, blank(asOf) ? null : asOf);
        }

        String queryString() {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("");
            b.queryParam("source", source == null ? "" : source);
            satisfied.forEach(s -> b.queryParam("satisfied", s));
            partial.forEach(s -> b.queryParam("partial", s));
            evidence.forEach(s -> b.queryParam("evidence", s));
            b.queryParam("role", role == null ? "" : role);
            b.queryParam("system", system == null ? "" : system);
            b.queryParam("asOf", asOf == null ? "" : asOf);
            return b.encode().build().toUriString();
        }

        public boolean holds(String id) {
            return satisfied.contains(id) || evidence.contains(id);
        }

        /** "Held: all of iso42001, 3 requirements, 1 partly, 2 evidence types" for the answer's heading. */
        public String heldSummary() {
            return "Held: " + (blank(source) ? "no whole framework" : "all of " + source) + ", " + satisfied.size()
                    + " requirements, " + partial.size() + " partly, " + evidence.size() + " evidence types";
        }
    }

    @GetMapping("/overlap")
    public String check(@RequestParam(required = false) String source,
            @RequestParam(required = false) List<String> satisfied, @RequestParam(required = false) List<String> partial,
            @RequestParam(required = false) List<String> evidence, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf,
            Model model, HttpServletResponse response) {
        boolean asked = source != null || satisfied != null || evidence != null || partial != null || role != null
                || system != null || asOf != null;
        Inputs in = asked ? canonical(new Inputs(source, list(satisfied), list(partial), list(evidence), role, system, asOf))
                // A first visit: the question the page exists for, ready to run (ISO 42001 certified deployer of a high-risk system, today).
                : new Inputs(known("iso42001", outlines.frameworks().stream().map(RequirementIndex.Framework::id).toList()), List.of(), List.of(),
                        List.of(), known("deployer", answers.index().roles().stream().map(RequirementIndex.Code::code).toList()),
                        known("high-risk", answers.index().systems().stream().map(RequirementIndex.Code::code).toList()), LocalDate.now().toString());
        form(model, in);
        if (asked) answer(in, model, response, null);
        return "overlap";
    }

    /** The same form sent with a profile file: answered at once; without a file, redirected to its link. */
    @PostMapping(path = "/overlap", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public String upload(@RequestParam(required = false) String source,
            @RequestParam(required = false) List<String> satisfied, @RequestParam(required = false) List<String> partial,
            @RequestParam(required = false) List<String> evidence, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) MultipartFile profile, Model model, HttpServletResponse response) {
        Inputs in = new Inputs(source, list(satisfied), list(partial), list(evidence), role, system, asOf);
        if (profile == null || profile.isEmpty() && (profile.getOriginalFilename() == null || profile.getOriginalFilename().isBlank())) {
            return "redirect:/overlap" + in.queryString();
        }
        String name = profile.getOriginalFilename();
        model.addAttribute("profileName", name);
        try {
            if (profile.isEmpty()) throw new InvalidInputException("The file " + name + " is empty.", null, "profile");
            Holdings read = readProfile(profile);
            in = new Inputs(read.source() != null ? read.source() : source, union(in.satisfied(), read.satisfied()),
                    union(in.partial(), read.partiallySatisfied()), union(in.evidence(), read.evidence()), role, system, asOf);
            in = canonical(in);
        } catch (InvalidInputException | IOException e) {
            form(model, in);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "The profile " + name + " could not be read: " + e.getMessage()
                    + " Nothing was computed; fix the file and choose it again.");
            return "overlap";
        }
        form(model, in);
        answer(in, model, response, name);
        return "overlap";
    }

    /** The same answer as a workbook or CSV, from the same parameters (Exports, as /api/exports/coverage). */
    @GetMapping("/overlap/report.{ext}")
    public ResponseEntity<byte[]> report(@PathVariable String ext, @RequestParam(required = false) String source,
            @RequestParam(required = false) List<String> satisfied, @RequestParam(required = false) List<String> partial,
            @RequestParam(required = false) List<String> evidence, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf) throws IOException {
        Inputs in = new Inputs(source, list(satisfied), list(partial), list(evidence), role, system, asOf);
        ReportFormat format = ReportFormat.of(ext);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.coverage(in.holdings(), List.of(TARGET), checked(in.filters()), format, out);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(switch (format) {
            case XLSX -> MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            case CSV -> MediaType.parseMediaType("text/csv;charset=UTF-8");
            case JSON -> MediaType.APPLICATION_JSON;
        });
        h.setContentDisposition(ContentDisposition.attachment().filename("eu-ai-act-overlap." + ext).build());
        return ResponseEntity.ok().headers(h).body(out.toByteArray());
    }

    private void answer(Inputs in, Model model, HttpServletResponse response, String uploaded) {
        try {
            Filters filters = checked(in.filters());
            CoverageAnswer a = answers.coverage(in.holdings(), TARGET, filters);
            model.addAttribute("report", OverlapReport.of(a, outlines.of(TARGET).requirements(), answers.index()));
            model.addAttribute("filters", filters);
            model.addAttribute("roleLabel", filters.role() == null ? null : answers.index().role(filters.role()).label());
            model.addAttribute("systemLabel", filters.system() == null ? null : answers.index().system(filters.system()).label());
            String link = in.queryString();
            if (link.length() <= MAX_LINK) {
                model.addAttribute("link", "/overlap" + link);
                model.addAttribute("xlsx", "/overlap/report.xlsx" + link);
                model.addAttribute("csv", "/overlap/report.csv" + link);
            }
            model.addAttribute("uploaded", uploaded);
        } catch (UnknownIdException | InvalidInputException | IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
        }
    }

    /** Role, system class and date as the query takes them; a date that does not exist is refused by name. */
    private Filters checked(Filters f) {
        String role = f.role() == null ? null : answers.index().role(f.role()).code();
        String system = f.system() == null ? null : answers.index().system(f.system()).code();
        if (f.asOf() != null) {
            try {
                LocalDate.parse(f.asOf());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + f.asOf() + "' is not a date: write it as YYYY-MM-DD (e.g. 2026-08-02).");
            }
        }
        return new Filters(role, system, f.asOf());
    }

    private Holdings readProfile(MultipartFile file) throws IOException {
        String text = new String(file.getBytes(), StandardCharsets.UTF_8);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (body.stripLeading().startsWith("{")) {
            try {
                return json.readValue(body, Holdings.class);
            } catch (JacksonException e) {
                String where = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? " (line " + e.getLocation().getLineNr() + ")" : "";
                throw new InvalidInputException("it is not a profile in JSON" + where + ": "
                        + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("`[^`]*`", "a value") + ".", null, "profile");
            }
        }
        return HoldingsCsv.parse(body, null);
    }

    private void form(Model model, Inputs in) {
        model.addAttribute("in", in);
        model.addAttribute("roles", answers.index().roles());
        model.addAttribute("systems", answers.index().systems());
        model.addAttribute("evidenceTypes", answers.index().evidenceTypes());
        List<FrameworkOutlines.Outline> holdable = new ArrayList<>();
        for (RequirementIndex.Framework f : outlines.frameworks()) if (!f.id().equals(TARGET)) holdable.add(outlines.of(f.id()));
        model.addAttribute("holdable", holdable);
    }

    /**
     * Ids in the form the page's tick boxes use (framework:official id, evidence code), so a profile's
     * "iso42001:a.6.2.4" ticks the box for iso42001:A.6.2.4. An id that does not resolve is left as given:
     * the answer then names it in its error.
     */
    private Inputs canonical(Inputs in) {
        RequirementIndex index = answers.index();
        java.util.function.Function<String, String> req = s -> {
            try {
                RequirementIndex.Requirement r = index.requirement(null, s);
                return r.framework() + ":" + r.notation();
            } catch (RuntimeException e) {
                return s;
            }
        };
        java.util.function.Function<String, String> ev = s -> {
            try {
                return index.evidence(s).code();
            } catch (RuntimeException e) {
                return s;
            }
        };
        return new Inputs(in.source(), in.satisfied().stream().map(req).distinct().toList(),
                in.partial().stream().map(req).distinct().toList(), in.evidence().stream().map(ev).distinct().toList(),
                in.role(), in.system(), in.asOf());
    }

    private static List<String> list(List<String> given) {
        return given == null ? List.of() : given.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A default the form offers only while the data still has it. */
    private static String known(String code, List<String> codes) {
        return codes.contains(code) ? code : "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
