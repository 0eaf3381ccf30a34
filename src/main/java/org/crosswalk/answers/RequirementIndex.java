package org.crosswalk.answers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.jena.rdfconnection.RDFConnection;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.store.CrosswalkStore;

/**
 * The identifiers callers use, read once from the store: framework ids, requirements by official id in
 * every form people write them ("A.6.2.4", "GOVERN 1.1", "Article 9(2)(a)", "art_9__para_2__pt_a",
 * a CURIE or the IRI), evidence type ids, and the EU AI Act role and system codes. Unknown ids are
 * answered with the closest known ones, so a typo gets a useful error.
 */
public final class RequirementIndex {

    public record Framework(String id, String iri, String title, String edition, String namespace) {}
    public record Requirement(String iri, String framework, String localId, String notation, String label, String parent) {}
    public record Code(String code, String iri, String label) {}

    /** Everything the index knows, as of one read of the store; replaced whole, never changed. */
    private record Ids(Map<String, Framework> frameworks, Map<String, Requirement> byIri,
            Map<String, Map<String, Requirement>> aliases, Map<String, Code> evidence,
            Map<String, Code> roles, Map<String, Code> systems) {}

    private volatile Ids ids;

    private RequirementIndex(Ids ids) {
        this.ids = ids;
    }

    public static RequirementIndex load(CrosswalkStore store) {
        return new RequirementIndex(read(store));
    }

    private static Ids read(CrosswalkStore store) {
        Map<String, Framework> frameworks = new LinkedHashMap<>();
        Map<String, Requirement> byIri = new HashMap<>();
        Map<String, Map<String, Requirement>> aliases = new HashMap<>(); // framework id → normalised alias → requirement
        Map<String, Code> evidence = new LinkedHashMap<>(), roles = new LinkedHashMap<>(), systems = new LinkedHashMap<>();
        store.readReference(dataset -> {
            select(dataset, """
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    SELECT ?f ?id ?title ?edition WHERE {
                      ?f a cw:Framework ; dcterms:identifier ?id ; dcterms:title ?title ; cw:edition ?edition }
                    ORDER BY ?id""", r -> frameworks.put(r.get("id"),
                    new Framework(r.get("id"), r.get("f"), r.get("title"), r.get("edition"), r.get("f") + "/")));
            select(dataset, """
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    SELECT ?r ?fid ?id ?n ?l ?p WHERE {
                      ?r skos:inScheme/dcterms:identifier ?fid ; dcterms:identifier ?id ; skos:notation ?n ; skos:prefLabel ?l
                      OPTIONAL { ?r skos:broader ?p } }""", r -> {
                        Requirement q = new Requirement(r.get("r"), r.get("fid"), r.get("id"), r.get("n"), r.get("l"), r.get("p"));
                        byIri.put(q.iri(), q);
                        Map<String, Requirement> a = aliases.computeIfAbsent(q.framework(), k -> new HashMap<>());
                        a.putIfAbsent(normalise(q.localId()), q);
                        a.putIfAbsent(normalise(q.notation()), q);
                    });
            select(dataset, """
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    SELECT ?e ?id ?l WHERE { ?e a cw:EvidenceType ; dcterms:identifier ?id ; skos:prefLabel ?l } ORDER BY ?id""",
                    r -> evidence.put(r.get("id"), new Code(r.get("id"), r.get("e"), r.get("l"))));
            select(dataset, """
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    SELECT ?x ?code ?l ?kind WHERE {
                      VALUES ?kind { cw:Role cw:SystemClass } ?x a ?kind ; cw:code ?code ; rdfs:label ?l }""",
                    r -> (r.get("kind").endsWith("Role") ? roles : systems)
                            .put(r.get("code"), new Code(r.get("code"), r.get("x"), r.get("l"))));
            return null;
        });
        return new Ids(frameworks, byIri, aliases, evidence, roles, systems);
    }

    /**
     * Reads the ids again after the reference data changed (a framework imported, a suggestion accepted),
     * so the new ids resolve without a restart. Swapped whole: a reader sees the old ids or the new ones.
     */
    public void reload(CrosswalkStore store) {
        ids = read(store);
    }

    private static void select(RDFConnection conn, String sparql, java.util.function.Consumer<Map<String, String>> row) {
        conn.querySelect(sparql, s -> {
                Map<String, String> m = new HashMap<>();
                s.varNames().forEachRemaining(v -> {
                    var n = s.get(v);
                    m.put(v, n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                });
                row.accept(m);
        });
    }

    /** Folds the ways people write an id: case, spaces, "Article"/"Art.", "Clause", '-' vs ' ' in NIST ids. */
    static String normalise(String id) {
        String s = id.toLowerCase(Locale.ROOT).strip();
        s = KIND_WORD.matcher(s).replaceAll("");
        s = ARTICLE.matcher(s).replaceAll("article ");
        s = SEPARATORS.matcher(s).replaceAll("");
        return s;
    }

    // Compiled once: normalise runs twice per requirement when the index is read (start-up) and on every look-up.
    private static final Pattern KIND_WORD = Pattern.compile("^(clause|control|section|§)\\s*"),
            ARTICLE = Pattern.compile("^art(icle|\\.)?\\s*"),
            SEPARATORS = Pattern.compile("[\\s_-]+");

    public List<Framework> frameworks() {
        return List.copyOf(ids.frameworks().values());
    }

    public Framework framework(String id) {
        Map<String, Framework> frameworks = ids.frameworks();
        Framework f = frameworks.get(id);
        if (f == null) throw new UnknownIdException(Thing.FRAMEWORK, id, closest(id, frameworks.keySet()));
        return f;
    }

    /** IRI of the parent requirement, empty for a top concept. */
    public Optional<String> parent(String iri) {
        return Optional.ofNullable(ids.byIri().get(iri)).map(Requirement::parent);
    }

    public Optional<Requirement> byIri(String iri) {
        return Optional.ofNullable(ids.byIri().get(iri));
    }

    /**
     * A requirement from what a caller wrote: its IRI, a CURIE/"framework:id", or an id in the given
     * framework's context (official or local form).
     */
    public Requirement requirement(String frameworkId, String given) {
        Ids now = ids; // one snapshot for the whole look-up
        Map<String, Framework> frameworks = now.frameworks();
        Map<String, Map<String, Requirement>> aliases = now.aliases();
        String text = given.strip();
        Requirement r = now.byIri().get(text);
        if (r != null) return r;
        int colon = text.indexOf(':');
        if (colon > 0 && !text.startsWith("http")) {
            String prefix = text.substring(0, colon);
            String fid = switch (prefix) {
                case "nistairmf" -> "nist-ai-rmf";
                case "euaiact" -> "eu-ai-act";
                default -> prefix;
            };
            if (frameworks.containsKey(fid)) return requirement(fid, text.substring(colon + 1));
        }
        if (frameworkId == null) {
            // Without a framework the id is ambiguous (6.1.2 is in both ISO standards): offer it in each
            // framework that has it, in the framework:id form the caller can send back as is.
            String key = normalise(text);
            List<String> candidates = frameworks.keySet().stream().sorted()
                    .filter(fid -> aliases.getOrDefault(fid, Map.of()).containsKey(key))
                    .map(fid -> fid + ":" + aliases.get(fid).get(key).notation()).toList();
            throw UnknownIdException.described(Thing.REQUIREMENT, "requirement (write it as framework:id)", given, candidates);
        }
        Framework f = framework(frameworkId);
        Map<String, Requirement> a = aliases.getOrDefault(f.id(), Map.of());
        r = a.get(normalise(text));
        if (r == null && text.matches("(?i)annex\\s+([IVX]+)\\s*\\((\\d+)\\)")) {
            r = a.get(normalise(text.replaceAll("(?i)annex\\s+([IVX]+)\\s*\\((\\d+)\\)", "anx_$1__pt_$2")));
        }
        if (r == null) {
            List<String> notations = a.values().stream().map(Requirement::notation).distinct().toList();
            throw UnknownIdException.requirementOf(f.id(), given, closest(text, notations));
        }
        return r;
    }

    public Code evidence(String given) {
        String id = given.strip().replaceFirst("^https://w3id.org/crosswalk/evidence/", "").replaceFirst("^cwev:", "");
        Map<String, Code> evidence = ids.evidence();
        Code c = evidence.get(id);
        if (c == null) throw new UnknownIdException(Thing.EVIDENCE_TYPE, given, closest(id, evidence.keySet()));
        return c;
    }

    public Code role(String given) {
        Map<String, Code> roles = ids.roles();
        Code c = roles.get(given.strip().toLowerCase(Locale.ROOT));
        if (c == null) throw new UnknownIdException(Thing.ROLE, given, closest(given, roles.keySet()));
        return c;
    }

    public Code system(String given) {
        Map<String, Code> systems = ids.systems();
        Code c = systems.get(given.strip().toLowerCase(Locale.ROOT));
        if (c == null) throw new UnknownIdException(Thing.SYSTEM_CLASS, given, closest(given, systems.keySet()));
        return c;
    }

    public List<Code> evidenceTypes() {
        return List.copyOf(ids.evidence().values());
    }

    /** The EU AI Act operator roles of the graph (cw:Role), by label: what a form offers to choose from. */
    public List<Code> roles() {
        return ids.roles().values().stream().sorted(Comparator.comparing(Code::label)).toList();
    }

    /** The EU AI Act system classes of the graph (cw:SystemClass), by label. */
    public List<Code> systems() {
        return ids.systems().values().stream().sorted(Comparator.comparing(Code::label)).toList();
    }

    /** Up to five known ids nearest to what was given (edit distance on the normalised forms). */
    static List<String> closest(String given, java.util.Collection<String> known) {
        String g = normalise(given);
        List<String> sorted = new ArrayList<>(known);
        sorted.sort(Comparator.comparingInt((String k) -> distance(g, normalise(k))).thenComparing(k -> k));
        return sorted.subList(0, Math.min(5, sorted.size()));
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
