package org.crosswalk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crosswalk.support.ApiClient;
import org.crosswalk.support.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The EU AI Act as point-in-time law, over HTTP on the real data and a real TDB2 store: the law's own
 * cases of Regulation (EU) 2026/1744 (in force 27 July 2026). Before that date the 2024 text and dates
 * answer; from it, the amended ones: Annex III high-risk obligations from 2 December 2027, Annex I from
 * 2 August 2028, the new Article 5 prohibitions from 2 December 2026.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PointInTimeLawApiTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("crosswalk.store-dir", () -> TestStores.newStoreRoot("law").toString());
        registry.add("crosswalk.ontology-dir", () -> TestStores.ontologyDir().toString());
        registry.add("crosswalk.mappings-dir", () -> TestStores.mappingsDir().toString());
        registry.add("crosswalk.sparql-port", () -> "0");
    }

    private static final String AMENDED = "Regulation (EU) 2024/1689 as amended by Regulation (EU) 2026/1744";

    @LocalServerPort int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    /** Notations of the assessed requirements (coverage rows), so a provision that does not apply is absent. */
    private Set<String> assessed(JsonNode coverage) {
        Set<String> out = new HashSet<>();
        coverage.get("requirements").forEach(r -> out.add(r.get("notation").asString()));
        return out;
    }

    private JsonNode notYet(JsonNode answer, String notation) {
        for (JsonNode n : answer.get("not_yet_applicable")) if (notation.equals(n.get("notation").asString())) return n;
        return null;
    }

    private JsonNode row(JsonNode coverage, String notation) {
        for (JsonNode r : coverage.get("requirements")) if (notation.equals(r.get("notation").asString())) return r;
        return null;
    }

    @Test
    void aDeployerOfAnAnnexIIISystemOn2August2026IsNotYetBoundByArticle26AndIsToldWhy() {
        JsonNode gaps = api.getJson("/api/gaps?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk-annex-iii&asOf=2026-08-02");
        assertThat(gaps.get("law").get("consolidated_version").asString()).isEqualTo(AMENDED);
        List<String> open = new ArrayList<>();
        gaps.get("gaps").forEach(g -> open.add(g.get("notation").asString()));
        assertThat(open).noneMatch(n -> n.startsWith("Article 26"));
        JsonNode coverage = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk-annex-iii&asOf=2026-08-02");
        assertThat(assessed(coverage)).noneMatch(n -> n.startsWith("Article 26"));

        JsonNode why = notYet(gaps, "Article 26(1)");
        assertThat(why).as("Article 26(1) is listed as not yet applicable").isNotNull();
        assertThat(why.get("applies_from").asString()).isEqualTo("2027-12-02");
        assertThat(why.get("system_class").asString()).contains("Annex III");
        assertThat(why.get("date_set_by").asString()).contains("Article 113", "point (c)", "Regulation (EU) 2026/1744");
    }

    @Test
    void onTheAmendedDateArticle26AppliesToTheDeployerWithTheActThatSetTheDate() {
        JsonNode coverage = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk-annex-iii&asOf=2027-12-02");
        assertThat(assessed(coverage)).contains("Article 26", "Article 26(1)", "Article 27");
        assertThat(notYet(coverage, "Article 26(1)")).isNull();
        assertThat(row(coverage, "Article 26(1)").get("applies").asString())
                .contains("applies from 2027-12-02", "Annex III", "Article 113, third paragraph, point (c), as amended by Article 1(40)(b) of Regulation (EU) 2026/1744");
        // Gaps are the same rule: every gap row is a coverage row with status none, and vice versa.
        JsonNode gaps = api.getJson("/api/gaps?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk-annex-iii&asOf=2027-12-02");
        Set<String> none = new HashSet<>();
        coverage.get("requirements").forEach(r -> { if ("none".equals(r.get("status").asString())) none.add(r.get("iri").asString()); });
        Set<String> gapIris = new HashSet<>();
        gaps.get("gaps").forEach(g -> gapIris.add(g.get("iri").asString()));
        assertThat(gapIris).isEqualTo(none);
    }

    @Test
    void aProviderOfAnAnnexISystemWaitsUntil2August2028() {
        JsonNode early = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk-annex-i&asOf=2027-12-02");
        assertThat(assessed(early)).doesNotContain("Article 9(1)", "Article 16(a)", "Article 11(2)");
        JsonNode why = notYet(early, "Article 9(1)");
        assertThat(why).isNotNull();
        assertThat(why.get("applies_from").asString()).isEqualTo("2028-08-02");
        assertThat(why.get("system_class").asString()).contains("Annex I");
        JsonNode later = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk-annex-i&asOf=2028-08-02");
        assertThat(assessed(later)).contains("Article 9(1)", "Article 16(a)", "Article 11(2)");
        assertThat(row(later, "Article 9(1)").get("applies").asString()).contains("2028-08-02", "Annex I");
        // system=high-risk keeps meaning both routes, each on its own date.
        JsonNode both = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk&asOf=2027-12-02");
        assertThat(assessed(both)).contains("Article 9(1)").doesNotContain("Article 11(2)");
        assertThat(row(both, "Article 9(1)").get("applies").asString()).contains("2027-12-02", "Annex III").doesNotContain("2028");
    }

    @Test
    void theNewProhibitionOfNonConsensualIntimateContentAppliesFrom2December2026() {
        JsonNode before = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&system=prohibited&asOf=2026-12-01");
        assertThat(assessed(before)).contains("Article 5(1)(a)").doesNotContain("Article 5(1)(ba)", "Article 5(1)(bb)");
        assertThat(notYet(before, "Article 5(1)(ba)").get("applies_from").asString()).isEqualTo("2026-12-02");
        JsonNode after = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&system=prohibited&asOf=2026-12-02");
        assertThat(assessed(after)).contains("Article 5(1)(ba)", "Article 5(1)(bb)");
        assertThat(row(after, "Article 5(1)(ba)").get("applies").asString()).contains("2026-12-02", "Regulation (EU) 2026/1744");
        // The mapping review says why ISO/IEC 42001 does not meet it: an explicit no-relationship row.
        JsonNode gaps = api.getJson("/api/gaps?source=iso42001&target=eu-ai-act&system=prohibited&asOf=2026-12-02");
        boolean explained = false;
        for (JsonNode g : gaps.get("gaps")) {
            if (!"Article 5(1)(ba)".equals(g.get("notation").asString())) continue;
            for (JsonNode j : g.get("justifications")) explained |= "no-relationship".equals(j.path("relation").asString(null));
        }
        assertThat(explained).as("Article 5(1)(ba) is a gap with an explicit no-relationship reason").isTrue();
    }

    @Test
    void beforeTheAmendmentTheTextAndDatesOf2024Answer() {
        JsonNode coverage = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=deployer&system=high-risk&asOf=2026-07-01");
        assertThat(coverage.get("law").get("consolidated_version").asString()).isEqualTo("Regulation (EU) 2024/1689");
        assertThat(coverage.get("law").get("as_of").asString()).isEqualTo("2026-07-01");
        JsonNode why = notYet(coverage, "Article 26(1)");
        assertThat(why.get("applies_from").asString()).isEqualTo("2026-08-02");
        assertThat(why.get("date_set_by").asString()).isEqualTo("Article 113 of Regulation (EU) 2024/1689");
        // Provisions the amending act inserts do not exist yet, not even as upcoming.
        JsonNode all = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&asOf=2026-07-01");
        assertThat(assessed(all)).doesNotContain("Article 4a", "Article 5(1)(ba)");
        all.get("not_yet_applicable").forEach(n -> assertThat(n.get("notation").asString()).isNotIn("Article 5(1)(ba)", "Article 111(4)"));
        // As enacted, Annex I systems followed Article 113(c): 2 August 2027.
        JsonNode annexI = api.getJson("/api/coverage?source=iso42001&target=eu-ai-act&role=provider&system=high-risk-annex-i&asOf=2026-07-01");
        assertThat(notYet(annexI, "Article 9(1)").get("applies_from").asString()).isEqualTo("2027-08-02");
    }

    @Test
    void changesBetweenTwoDatesSayWhatWasAddedMovedAndWhoMovedIt() {
        JsonNode changes = api.getJson("/api/changes?role=deployer&system=high-risk&from=2026-07-01&to=2026-08-02");
        assertThat(changes.get("from").get("consolidated_version").asString()).isEqualTo("Regulation (EU) 2024/1689");
        assertThat(changes.get("to").get("consolidated_version").asString()).isEqualTo(AMENDED);
        JsonNode annexIII = null, annexI = null;
        for (JsonNode c : changes.get("changes")) {
            if (!"Article 26(1)".equals(c.get("notation").asString())) continue;
            if (c.get("system_class").asString().contains("Annex III")) annexIII = c;
            else annexI = c;
        }
        assertThat(annexIII.get("change").asString()).isEqualTo("moved");
        assertThat(annexIII.get("applies_before").asString()).isEqualTo("2026-08-02");
        assertThat(annexIII.get("applies_after").asString()).isEqualTo("2027-12-02");
        assertThat(annexIII.get("made_by").asString()).isEqualTo("Article 1(40)(b) of Regulation (EU) 2026/1744");
        assertThat(annexI.get("applies_before").asString()).isEqualTo("2027-08-02");
        assertThat(annexI.get("applies_after").asString()).isEqualTo("2028-08-02");

        JsonNode prohibitions = api.getJson("/api/changes?system=prohibited&from=2026-12-01&to=2026-12-02");
        List<String> added = new ArrayList<>();
        prohibitions.get("changes").forEach(c -> { if ("added".equals(c.get("change").asString())) added.add(c.get("notation").asString()); });
        assertThat(added).contains("Article 5(1)(ba)", "Article 5(1)(bb)").doesNotContain("Article 5(1)(a)");
        JsonNode inserted = api.getJson("/api/changes?system=transparency&role=provider&from=2026-07-01&to=2026-08-02");
        boolean transitional = false;
        for (JsonNode c : inserted.get("changes")) {
            transitional |= "Article 111(4)".equals(c.get("notation").asString()) && "inserted".equals(c.get("change").asString())
                    && "pending".equals(c.get("text_status").asString());
        }
        assertThat(transitional).as("Article 111(4) is inserted, its text pending").isTrue();
        assertThat(api.get("/api/changes?from=2026-07-01&to=2026-08-02&format=csv", "*/*").body()).startsWith("requirement,title,system_class,change");

        assertThat(api.get("/api/changes?from=2027-01-01&to=2026-01-01", "application/json").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/changes?from=2026-13-01", "application/json").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/changes?target=iso27001&role=deployer", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void aProvisionKeepsItsIriAndShowsItsVersions() {
        JsonNode art26 = api.getJson("/api/frameworks/eu-ai-act/requirements/Article%2026(1)");
        assertThat(art26.get("iri").asString()).isEqualTo("https://w3id.org/crosswalk/eu-ai-act/2024/art_26__para_1");
        JsonNode versions = art26.get("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("change_kind").asString()).isEqualTo("enacted");
        assertThat(versions.get(0).get("valid_until").asString()).isEqualTo("2026-07-27");
        assertThat(versions.get(1).get("change_kind").asString()).isEqualTo("rescheduled");
        assertThat(versions.get(1).get("made_by").asString()).isEqualTo("Article 1(40)(b) of Regulation (EU) 2026/1744");
        assertThat(versions.get(1).has("valid_until") && !versions.get(1).get("valid_until").isNull()).isFalse();
        JsonNode ba = api.getJson("/api/frameworks/eu-ai-act/requirements/Article%205(1)(ba)").get("versions");
        assertThat(ba).hasSize(1);
        assertThat(ba.get(0).get("change_kind").asString()).isEqualTo("inserted");
        assertThat(ba.get(0).get("text_status").asString()).isEqualTo("pending");
        assertThat(ba.get(0).get("effect").asString()).isNotBlank();
        assertThat(ba.get(0).get("sources")).isNotEmpty();
        assertThat(api.getJson("/api/frameworks/iso42001/requirements/6.1.2").get("versions")).isEmpty();
    }

    @Test
    void healthAndReportsStateTheConsolidatedVersionTheyAnswerFrom() {
        JsonNode health = api.getJson("/api/health");
        assertThat(health.get("law").get("eu-ai-act").get("consolidatedVersion").asString()).startsWith("Regulation (EU) 2024/1689");
        String csv = api.get("/api/gaps?target=eu-ai-act&role=deployer&system=high-risk&asOf=2027-12-02&format=csv", "*/*").body();
        assertThat(csv.lines().findFirst().orElse("")).endsWith("as_of,law");
        assertThat(csv).contains("2027-12-02," + AMENDED);
    }
}
