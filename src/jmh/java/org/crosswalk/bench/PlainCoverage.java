package org.crosswalk.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.system.Txn;

/**
 * The yardstick of the coverage benchmark, not a fast path: the coverage rule of queries/coverage.rq for
 * one framework held as a whole against another, with no role/system filter, on a date, written as plain
 * Java over arrays and maps loaded once from the store. Leaves of the target (minus those under a listing
 * annex; for a versioned provision only if a version is in force on the date and one of its applications
 * has begun, the point-in-time rule of coverage.rq) take the best rank of the mappings that reach them (equal/superset-of 2, subset-of/intersects-with
 * 1, anything else 0; a mapping to a requirement reaches every leaf under it); every requirement counts
 * its leaves' ranks and is full when all are full, none when all are none, partial otherwise.
 * The benchmark checks once that it gives the named query's answer before it measures anything.
 */
final class PlainCoverage {
    record Status(String status, int full, int partial, int none, int total) {}

    private final String[] concepts;            // every requirement of the target
    private final int[][] leavesUnder;          // concept -> applicable leaves at or under it
    private final int[] mappingTarget;          // mapping -> target concept
    private final int[] mappingRank;            // mapping -> rank by relation
    private final int leafCount;
    /** concept -> its versions as {validFrom, validUntil (MAX when open), appliesFrom} epoch days; null = unversioned. */
    private final long[][][] versions;

    private PlainCoverage(String[] concepts, int[][] leavesUnder, int[] mappingTarget, int[] mappingRank, int leafCount,
            long[][][] versions) {
        this.versions = versions;
        this.concepts = concepts;
        this.leavesUnder = leavesUnder;
        this.mappingTarget = mappingTarget;
        this.mappingRank = mappingRank;
        this.leafCount = leafCount;
    }

    static PlainCoverage load(Dataset ds, String source, String target) {
        return Txn.calculateRead(ds, () -> {
            Map<String, Integer> id = new LinkedHashMap<>();
            Map<String, List<String>> broader = new HashMap<>();
            Set<String> hasChild = new HashSet<>();
            Set<String> listing = new HashSet<>();
            select(ds, """
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/>
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    SELECT ?c ?b ?listing WHERE { ?s dcterms:identifier "%s" . ?c skos:inScheme ?s .
                      OPTIONAL { ?c skos:broader ?b } BIND (EXISTS { ?c a cw:ListingAnnex } AS ?listing) }""".formatted(target), r -> {
                id.putIfAbsent(r[0], id.size());
                if (r[1] != null) {
                    broader.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r[1]);
                    hasChild.add(r[1]);
                }
                if ("true".equals(r[2])) listing.add(r[0]);
            });
            String[] concepts = id.keySet().toArray(String[]::new);
            // applicable leaves and, for every concept, the leaves at or under it
            List<List<Integer>> under = new ArrayList<>();
            for (int i = 0; i < concepts.length; i++) under.add(new ArrayList<>());
            int leaves = 0;
            for (String c : concepts) {
                if (hasChild.contains(c)) continue;
                Set<String> up = new HashSet<>();
                List<String> todo = new ArrayList<>(List.of(c));
                while (!todo.isEmpty()) {
                    String x = todo.removeLast();
                    if (up.add(x)) todo.addAll(broader.getOrDefault(x, List.of()));
                }
                if (up.stream().anyMatch(listing::contains)) continue;
                leaves++;
                for (String a : up) if (id.containsKey(a)) under.get(id.get(a)).add(id.get(c));
            }
            int[][] leavesUnder = under.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            List<int[]> mappings = new ArrayList<>();
            select(ds, """
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/>
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#> PREFIX owl: <http://www.w3.org/2002/07/owl#>
                    SELECT ?t ?code WHERE { ?s dcterms:identifier "%s" . ?t skos:inScheme ?ts . ?ts dcterms:identifier "%s" .
                      ?m owl:annotatedSource ?src ; owl:annotatedTarget ?t ; cw:relation/cw:code ?code . ?src skos:inScheme ?s }"""
                    .formatted(source, target), r -> mappings.add(new int[] {id.get(r[0]), switch (r[1]) {
                        case "equal", "superset-of" -> 2;
                        case "subset-of", "intersects-with" -> 1;
                        default -> 0;
                    }}));
            Map<String, List<long[]>> byConcept = new HashMap<>();
            select(ds, """
                    PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX dcterms: <http://purl.org/dc/terms/>
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    SELECT ?c ?from ?until ?applies WHERE { ?s dcterms:identifier "%s" . ?c skos:inScheme ?s .
                      ?v cw:versionOf ?c ; cw:validFrom ?from . OPTIONAL { ?v cw:validUntil ?until }
                      OPTIONAL { ?v cw:application/cw:appliesFrom ?applies } }""".formatted(target), r ->
                    byConcept.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new long[] {
                            epochDay(r[1]), r[2] == null ? Long.MAX_VALUE : epochDay(r[2]),
                            r[3] == null ? Long.MAX_VALUE : epochDay(r[3])}));
            long[][][] versions = new long[concepts.length][][];
            byConcept.forEach((c, v) -> versions[id.get(c)] = v.toArray(long[][]::new));
            return new PlainCoverage(concepts, leavesUnder, mappings.stream().mapToInt(m -> m[0]).toArray(),
                    mappings.stream().mapToInt(m -> m[1]).toArray(), leaves, versions);
        });
    }

    /** The coverage answer on a date: status and leaf counts per requirement of the target that has applicable leaves. */
    Map<String, Status> compute(LocalDate on) {
        long at = on.toEpochDay();
        boolean[] applies = new boolean[concepts.length];
        for (int c = 0; c < concepts.length; c++) {
            if (versions[c] == null) { applies[c] = true; continue; }
            for (long[] v : versions[c]) if (v[0] <= at && at < v[1] && v[2] <= at) { applies[c] = true; break; }
        }
        int[] rank = new int[concepts.length]; // per leaf (indexed by concept), 0 when nothing reaches it
        for (int m = 0; m < mappingTarget.length; m++) {
            int r = mappingRank[m];
            if (r == 0) continue;
            for (int leaf : leavesUnder[mappingTarget[m]]) if (rank[leaf] < r) rank[leaf] = r;
        }
        Map<String, Status> out = new HashMap<>(concepts.length * 2);
        for (int c = 0; c < concepts.length; c++) {
            int full = 0, partial = 0, total = 0;
            for (int leaf : leavesUnder[c]) {
                if (!applies[leaf]) continue;
                total++;
                if (rank[leaf] == 2) full++;
                else if (rank[leaf] == 1) partial++;
            }
            if (total == 0) continue;
            int none = total - full - partial;
            out.put(concepts[c], new Status(full == total ? "full" : none == total ? "none" : "partial",
                    full, partial, none, total));
        }
        return out;
    }

    private static long epochDay(String xsdDate) {
        return LocalDate.parse(xsdDate).toEpochDay();
    }

    int leafCount() {
        return leafCount;
    }

    private static void select(Dataset ds, String sparql, java.util.function.Consumer<String[]> row) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(sparql).build()) {
            var rs = qe.execSelect();
            List<String> vars = rs.getResultVars();
            rs.forEachRemaining(s -> row.accept(vars.stream().map(v -> {
                var n = s.get(v);
                return n == null ? null : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI();
            }).toArray(String[]::new)));
        }
    }
}
