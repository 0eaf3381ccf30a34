package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.List;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.Views.CoverageAnswer;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.answers.Views.GapAnswer;
import org.crosswalk.security.TenantAuthentication;
import org.crosswalk.tenancy.InvalidProfileException;
import org.crosswalk.tenancy.ProfileInput;
import org.crosswalk.tenancy.ProfileNotFoundException;
import org.crosswalk.tenancy.ProfileStatement;
import org.crosswalk.tenancy.Profiles;
import org.crosswalk.tenancy.Profiles.Profile;
import org.crosswalk.tenancy.TenantDirectory;
import org.crosswalk.tenancy.TenantDirectory.Scope;
import org.crosswalk.tenancy.TenantView;
import org.crosswalk.web.ProfileController;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A tenant's stored profiles in the web view: sign in with an API token, the list of the tenant's
 * profiles, a profile with its EU AI Act coverage and gaps (queries/coverage.rq reading the profile's
 * graph, as GET /api/profiles/{id}/coverage), and "save this check as a profile" from the overlap check.
 * The tenant is the signed-in token's, never the URL's: another tenant's profile is a 404, like one that
 * does not exist. Security (session, CSRF, revocation): {@link org.crosswalk.security.WebSignInSecurity}.
 */
@Controller
public class ProfilePages {
    private final TenantDirectory directory;
    private final Profiles profiles;
    private final ProfileInput input;
    private final CrosswalkAnswers answers;
    private final TenantView view;
    private final FrameworkOutlines outlines;
    private final SecurityContextRepository contexts;

    public ProfilePages(TenantDirectory directory, Profiles profiles, ProfileInput input, CrosswalkAnswers answers,
            TenantView view, FrameworkOutlines outlines, SecurityContextRepository webSessionContexts) {
        this.directory = directory;
        this.profiles = profiles;
        this.input = input;
        this.answers = answers;
        this.view = view;
        this.outlines = outlines;
        this.contexts = webSessionContexts;
    }

    // ------------------------------------------------------------------ sign in, sign out

    @GetMapping("/signin")
    public String signInForm(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", safeNext(next));
        return "signin";
    }

    @PostMapping("/signin")
    public String signIn(@RequestParam(required = false) String token, @RequestParam(required = false) String next,
            Model model, HttpServletRequest request, HttpServletResponse response) {
        var holder = directory.verify(token == null ? null : token.strip());
        if (holder.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("next", safeNext(next));
            model.addAttribute("error", "That token was not accepted: it is unknown, revoked or mistyped. Nothing was signed in.");
            return "signin";
        }
        // A new session id on sign-in: a session id planted before cannot be used after it.
        if (request.getSession(false) != null) request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TenantAuthentication(holder.get().tenant(), "token:" + holder.get().tokenId(), holder.get().scope()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:" + safeNext(next);
    }

    @PostMapping("/signout")
    public String signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/";
    }

    /** Only a path of this site, so the form cannot send anyone elsewhere after signing in. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") ? next : "/profiles";
    }

    // ------------------------------------------------------------------ the tenant's profiles

    @GetMapping("/profiles")
    public String list(Model model) {
        TenantAuthentication who = caller();
        model.addAttribute("who", who);
        model.addAttribute("profiles", profiles.list(who.tenant(), false));
        return "profiles";
    }

    @GetMapping("/profiles/{id}")
    public String profile(@PathVariable String id, @RequestParam(required = false) String role,
            @RequestParam(required = false) String system, @RequestParam(required = false) String asOf,
            Model model, HttpServletResponse response) {
        TenantAuthentication who = caller();
        Profile p;
        try {
            p = profiles.get(who.tenant(), id);
        } catch (ProfileNotFoundException e) {
            return notFound(id, model, response);
        }
        model.addAttribute("who", who);
        model.addAttribute("p", p);
        model.addAttribute("roles", answers.index().roles());
        model.addAttribute("systems", answers.index().systems());
        Filters filters = new Filters(blank(role) ? null : role, blank(system) ? null : system, blank(asOf) ? null : asOf);
        model.addAttribute("filters", filters);
        try {
            Holdings held = ProfileController.held(p);
            var graph = view.queryGraph(who.tenant(), p);
            CoverageAnswer coverage = answers.coverage(held, graph, OverlapCheckPage.TARGET, filters);
            GapAnswer gaps = answers.gaps(held, graph, OverlapCheckPage.TARGET, filters, true);
            model.addAttribute("coverage", coverage);
            model.addAttribute("gaps", gaps);
        } catch (UnknownIdException | InvalidInputException | IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
        }
        return "profile";
    }

    // ------------------------------------------------------------------ save an overlap check as a profile

    /** What the overlap check held, to be saved: the same parameters as its link. */
    @GetMapping("/profiles/new")
    public String saveForm(@RequestParam(required = false) String source, @RequestParam(required = false) List<String> satisfied,
            @RequestParam(required = false) List<String> partial, @RequestParam(required = false) List<String> evidence,
            @RequestParam(required = false) String role, @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf, Model model) {
        model.addAttribute("who", caller());
        model.addAttribute("check", new Check(source, list(satisfied), list(partial), list(evidence), role, system, asOf));
        return "profile-new";
    }

    @PostMapping("/profiles")
    public String save(@RequestParam(required = false) String id, @RequestParam(required = false) String title,
            @RequestParam(required = false) String source, @RequestParam(required = false) List<String> satisfied,
            @RequestParam(required = false) List<String> partial, @RequestParam(required = false) List<String> evidence,
            @RequestParam(required = false) String role, @RequestParam(required = false) String system,
            @RequestParam(required = false) String asOf, Model model, HttpServletResponse response) {
        TenantAuthentication who = caller();
        Check check = new Check(source, list(satisfied), list(partial), list(evidence), role, system, asOf);
        model.addAttribute("who", who);
        model.addAttribute("check", check);
        model.addAttribute("id", id);
        model.addAttribute("title", title);
        if (who.scope() != Scope.READ_WRITE) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("error", "You are signed in with a read-only token: saving needs a read-write one. Nothing was saved.");
            return "profile-new";
        }
        try {
            List<ProfileStatement> statements = input.fromRows(rows(check), 1);
            Profile p = profiles.create(who.tenant(), id == null ? "" : id.strip(), blank(title) ? null : title.strip(), statements, who.agent());
            UriComponentsBuilder to = UriComponentsBuilder.fromPath("/profiles/{id}");
            if (!blank(role)) to.queryParam("role", role);
            if (!blank(system)) to.queryParam("system", system);
            if (!blank(asOf)) to.queryParam("asOf", asOf);
            return "redirect:" + to.buildAndExpand(p.id()).encode().toUriString();
        } catch (Profiles.ProfileExistsException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", e.getMessage() + ". Nothing was saved.");
        } catch (InvalidProfileException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", e.getMessage() + " Nothing was saved.");
        } catch (ProfileInput.TooManyStatements e) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            model.addAttribute("error", e.getMessage() + ". Nothing was saved.");
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage() + ". Nothing was saved.");
        }
        return "profile-new";
    }

    /**
     * The overlap check's holdings as a profile's statements: ticked requirements satisfied, partly held ones
     * partial, evidence satisfied; a whole framework as each of its requirements satisfied (what "all of it"
     * means to coverage.rq: every requirement of its scheme is held).
     */
    private List<ProfileInput.Row> rows(Check c) {
        List<ProfileInput.Row> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (!blank(c.source())) {
            answers.index().framework(c.source());
            for (var r : outlines.of(c.source()).requirements()) {
                if (seen.add(r.iri())) rows.add(new ProfileInput.Row(r.iri(), null, "satisfied", null, null, null));
            }
        }
        for (String s : c.satisfied()) {
            String iri = answers.index().requirement(null, s).iri();
            if (seen.add(iri)) rows.add(new ProfileInput.Row(s, null, "satisfied", null, null, null));
        }
        for (String s : c.partial()) {
            String iri = answers.index().requirement(null, s).iri();
            if (seen.add(iri)) rows.add(new ProfileInput.Row(s, null, "partial", null, null, null));
        }
        for (String e : c.evidence()) rows.add(new ProfileInput.Row(null, e, "satisfied", null, null, null));
        return rows;
    }

    /** An overlap check's inputs, as its link carries them. */
    public record Check(String source, List<String> satisfied, List<String> partial, List<String> evidence, String role,
            String system, String asOf) {
        public int size() {
            return satisfied.size() + partial.size() + evidence.size();
        }
    }

    // ------------------------------------------------------------------ helpers

    private static TenantAuthentication caller() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a instanceof TenantAuthentication t) return t;
        throw new IllegalStateException("not signed in"); // the security chain sends anyone else to /signin
    }

    private static String notFound(String id, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        model.addAttribute("title", "Profile not found");
        model.addAttribute("detail", "There is no profile '" + id + "' in your organisation's profiles.");
        return "problem";
    }

    private static List<String> list(List<String> given) {
        return given == null ? List.of() : given.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct().toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
