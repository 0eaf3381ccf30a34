package org.crosswalk.webui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.crosswalk.CurationConfiguration.ServedData;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.graph.DataValidationException;
import org.crosswalk.graph.Relation;
import org.crosswalk.security.SecurityProperties;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.suggest.Review;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Review of mapping suggestions in the browser, without JavaScript: {@code GET /review?source=…&target=…}
 * lists the pair's pending suggestions (the candidate file minus what is decided or already curated),
 * each with a target the reviewer may edit, a relation, rationale, strength and one-sentence reason; one
 * form for the page, so the administrator token is typed once. {@code POST /review} accepts (as suggested
 * or edited) or rejects one row through the same {@link Review} as the CLI and
 * {@code POST /api/suggestions/…/decisions}, then serves the rebuilt graph at once and redirects back
 * (303). {@code POST /review/suggest} (re)ranks the pair's candidates. Every POST needs the administrator
 * token in the form: it is checked against {@code crosswalk.security.admin-token-hash} before anything
 * is read or written, and a missing or wrong one gets 401 with nothing stored. The token is never put in
 * a cookie or a URL (no session, so a forged cross-site form cannot carry it).
 */
@Controller
public class ReviewPage {
    /** Rows shown per page (a pair has up to k × its source requirements). */
    static final int PAGE = 40;
    static final List<String> RATIONALES = List.of("semantic", "functional", "syntactic");

    private final RequirementIndex index;
    private final Review review;
    private final ServedData served;
    private final CrosswalkStore store;
    private final SecurityProperties security;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    public ReviewPage(RequirementIndex index, Review review, ServedData served, CrosswalkStore store, SecurityProperties security) {
        this.index = index;
        this.review = review;
        this.served = served;
        this.store = store;
        this.security = security;
    }

    public record Pair(String source, String target, String label, boolean selected) {}

    @GetMapping("/review")
    public String page(@RequestParam(required = false) String source, @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) String done, Model model,
            HttpServletResponse response) {
        try {
            fill(model, source, target, offset);
        } catch (UnknownIdException | IllegalArgumentException e) {
            response.setStatus(e instanceof UnknownIdException ? HttpStatus.NOT_FOUND.value() : HttpStatus.BAD_REQUEST.value());
            fill(model, null, null, 0);
            model.addAttribute("error", e.getMessage());
            return "review";
        }
        if (done != null && !done.isBlank()) model.addAttribute("done", done);
        return "review";
    }

    @PostMapping("/review")
    public String decide(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        String source = form.getOrDefault("source", ""), target = form.getOrDefault("target", "");
        int offset = parseInt(form.get("offset"), 0);
        String act = form.getOrDefault("act", "");
        if (!authorised(form.get("token"))) {
            return refused(response, model, source, target, offset, form);
        }
        int colon = act.indexOf(':');
        if (colon < 0 || !(act.startsWith("accept:") || act.startsWith("reject:"))) {
            return invalid(response, model, source, target, offset, form, "Press Accept or Reject on one row.");
        }
        String i = act.substring(colon + 1);
        Review.Verdict asked = act.startsWith("accept:") ? Review.Verdict.ACCEPTED : Review.Verdict.REJECTED;
        String subject = form.get("subject." + i), suggested = form.get("suggested." + i);
        String object = blankToNull(form.get("object." + i));
        if (subject == null || suggested == null) {
            return invalid(response, model, source, target, offset, form, "That row is no longer on the page: reload it.");
        }
        Integer strength = null;
        String givenStrength = blankToNull(form.get("strength." + i));
        if (givenStrength != null) {
            try {
                strength = Integer.valueOf(givenStrength.strip());
            } catch (NumberFormatException e) {
                return invalid(response, model, source, target, offset, form, "strength '" + givenStrength + "' is not a whole number from 0 to 10.");
            }
        }
        Review.Outcome outcome;
        try {
            outcome = review.decide(index, source, target, asked, new Review.Decision(subject,
                    object == null ? suggested : object, suggested, blankToNull(form.get("relation." + i)),
                    blankToNull(form.get("rationale." + i)), strength, form.get("reason." + i), form.get("reviewer")));
        } catch (InvalidInputException | UnknownIdException | IllegalArgumentException e) {
            return invalid(response, model, source, target, offset, form, e.getMessage());
        } catch (DataValidationException e) {
            return invalid(response, model, source, target, offset, form,
                    "The accepted row would make the data invalid; nothing was changed. " + String.join(" ", e.problems()));
        }
        if (outcome.graph() != null) served.serve(outcome.graph());
        String told = switch (outcome.verdict()) {
            case ACCEPTED -> "Accepted " + subject + " → " + (object == null ? suggested : object) + ": " + outcome.file() + ":" + outcome.line();
            case EDITED -> "Accepted, edited to " + object + ": " + subject + " → " + object + ": " + outcome.file() + ":" + outcome.line();
            case REJECTED -> "Rejected " + subject + " → " + suggested + " (logged)";
        };
        return "redirect:" + url(source, target, offset) + "&done=" + enc(told);
    }

    @PostMapping("/review/suggest")
    public String suggest(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        String source = form.getOrDefault("source", ""), target = form.getOrDefault("target", "");
        if (!authorised(form.get("token"))) return refused(response, model, source, target, 0, form);
        try {
            int n = review.writeCandidates(store, index, source, target, parseInt(form.get("k"), 5)).size();
            return "redirect:" + url(source, target, 0) + "&done=" + enc(n + " suggestions ranked for " + source + " → " + target);
        } catch (UnknownIdException | IllegalArgumentException e) {
            return invalid(response, model, source, target, 0, form, e.getMessage());
        }
    }

    private boolean authorised(String token) {
        String hash = security.adminTokenHash().strip();
        return token != null && !token.isBlank() && !hash.isEmpty() && bcrypt.matches(token.strip(), hash);
    }

    private String refused(HttpServletResponse response, Model model, String source, String target, int offset, Map<String, String> form) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        fillSafely(model, source, target, offset);
        model.addAttribute("error", form.get("token") == null || form.get("token").isBlank()
                ? "Give the administrator token: reviewing changes the shared mapping sets. Nothing was stored."
                : "The administrator token is wrong (or crosswalk.security.admin-token-hash is not set). Nothing was stored.");
        keep(model, form);
        return "review";
    }

    private String invalid(HttpServletResponse response, Model model, String source, String target, int offset,
            Map<String, String> form, String message) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        fillSafely(model, source, target, offset);
        model.addAttribute("error", message + " Nothing was stored.");
        keep(model, form);
        return "review";
    }

    /** What the reviewer typed comes back on the page (never the token). */
    private static void keep(Model model, Map<String, String> form) {
        Map<String, String> kept = new java.util.HashMap<>(form);
        kept.remove("token");
        model.addAttribute("form", kept);
    }

    private void fillSafely(Model model, String source, String target, int offset) {
        try {
            fill(model, source, target, offset);
        } catch (UnknownIdException | IllegalArgumentException e) {
            fill(model, null, null, 0);
        }
    }

    private void fill(Model model, String source, String target, int offset) {
        List<Pair> pairs = new ArrayList<>();
        boolean chosen = source != null && !source.isBlank() && target != null && !target.isBlank();
        String s = chosen ? index.framework(source).id() : null, t = chosen ? index.framework(target).id() : null;
        for (RequirementIndex.Framework a : index.frameworks()) {
            for (RequirementIndex.Framework b : index.frameworks()) {
                if (a.id().equals(b.id())) continue;
                boolean sel = a.id().equals(s) && b.id().equals(t);
                if (sel || Files.exists(review.candidates(a.id(), b.id()))) {
                    pairs.add(new Pair(a.id(), b.id(), a.id() + " → " + b.id(), sel));
                }
            }
        }
        model.addAttribute("pairs", pairs);
        model.addAttribute("frameworks", index.frameworks());
        model.addAttribute("relations", java.util.Arrays.stream(Relation.values()).map(r -> r.code).toList());
        model.addAttribute("rationales", RATIONALES);
        model.addAttribute("source", s);
        model.addAttribute("target", t);
        model.addAttribute("form", Map.of());
        if (!chosen) return;
        boolean hasFile = Files.exists(review.candidates(s, t));
        List<Review.Pending> all = review.pending(index, s, t);
        int from = Math.max(0, Math.min(offset, Math.max(0, all.size() - 1)));
        int to = Math.min(all.size(), from + PAGE);
        model.addAttribute("hasCandidates", hasFile);
        model.addAttribute("total", all.size());
        model.addAttribute("offset", from);
        model.addAttribute("rows", all.subList(from, to));
        model.addAttribute("previous", from > 0 ? url(s, t, Math.max(0, from - PAGE)) : null);
        model.addAttribute("next", to < all.size() ? url(s, t, to) : null);
    }

    private static String url(String source, String target, int offset) {
        return "/review?source=" + enc(source) + "&target=" + enc(target) + (offset > 0 ? "&offset=" + offset : "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static int parseInt(String s, int fallback) {
        try {
            return s == null || s.isBlank() ? fallback : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
