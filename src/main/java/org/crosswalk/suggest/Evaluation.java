package org.crosswalk.suggest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.MappingRecord;
import org.crosswalk.graph.MappingSetReader;
import org.crosswalk.graph.Relation;

/**
 * Measures the suggester against the curated sets, leave-one-set-out: for each set, its source
 * requirements are ranked against its target framework and compared with the set's own (hidden)
 * positive rows. The suggester learns nothing from mappings, so hiding a set means only that its rows
 * are the answer key, never an input. Metrics per source requirement that has at least one positive row,
 * then averaged: precision@1, precision@5, recall@10, MRR (reciprocal rank of the first hit within 10).
 */
public final class Evaluation {

    public record Scores(String set, String subject, String object, Suggester.Mode mode, int sources, int gold,
            double p1, double p5, double r10, double mrr) {}

    private Evaluation() {}

    public static List<Scores> run(CrosswalkStore dataset, DataSources sources) {
        Map<String, String> idOf = frameworkIds(dataset);
        List<Scores> out = new ArrayList<>();
        for (Path file : sources.mappingFiles()) {
            List<String> problems = new ArrayList<>();
            MappingSetReader.Result set = MappingSetReader.read(file, sources.displayName(file), problems);
            if (set.set() == null) continue;
            String subject = idOf.get(set.set().getSubjectSource()), object = idOf.get(set.set().getObjectSource());
            if (subject == null || object == null) continue;
            Map<String, Set<String>> gold = new LinkedHashMap<>();
            for (MappingRecord m : set.mappings()) {
                if (m.relation() == Relation.NO_RELATIONSHIP) continue;
                gold.computeIfAbsent(m.subject(), k -> new LinkedHashSet<>()).add(m.object());
            }
            List<RequirementText> all = RequirementText.of(dataset, subject);
            List<RequirementText> queried = all.stream().filter(r -> gold.containsKey(r.iri())).toList();
            List<RequirementText> targets = RequirementText.of(dataset, object);
            String name = file.getFileName().toString().replace(".sssom.tsv", "");
            for (Suggester.Mode mode : Suggester.Mode.values()) {
                out.add(score(name, subject, object, mode, gold, Suggester.suggest(queried, targets, 10, mode)));
            }
        }
        return out;
    }

    static Scores score(String name, String subject, String object, Suggester.Mode mode, Map<String, Set<String>> gold,
            List<Suggester.Suggestion> ranked) {
        Map<String, List<String>> bySource = new HashMap<>();
        for (Suggester.Suggestion s : ranked) bySource.computeIfAbsent(s.source().iri(), k -> new ArrayList<>()).add(s.target().iri());
        double p1 = 0, p5 = 0, r10 = 0, mrr = 0;
        int goldRows = 0;
        for (Map.Entry<String, Set<String>> e : gold.entrySet()) {
            List<String> list = bySource.getOrDefault(e.getKey(), List.of());
            Set<String> g = e.getValue();
            goldRows += g.size();
            if (!list.isEmpty() && g.contains(list.get(0))) p1++;
            p5 += list.stream().limit(5).filter(g::contains).count() / 5.0;
            r10 += list.stream().limit(10).filter(g::contains).count() / (double) g.size();
            for (int i = 0; i < Math.min(10, list.size()); i++) {
                if (g.contains(list.get(i))) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
        }
        int n = gold.size();
        return new Scores(name, subject, object, mode, n, goldRows, p1 / n, p5 / n, r10 / n, mrr / n);
    }

    /** Markdown table of the scores, one line per set and mode. */
    public static String table(List<Scores> scores) {
        StringBuilder sb = new StringBuilder("| set | ranking | sources | gold rows | P@1 | P@5 | R@10 | MRR |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Scores s : scores) {
            sb.append(String.format("| %s | %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n", s.set(),
                    s.mode() == Suggester.Mode.FULL ? "BM25 title+text, synonyms" : "baseline: title only",
                    s.sources(), s.gold(), s.p1(), s.p5(), s.r10(), s.mrr()));
        }
        return sb.toString();
    }

    private static Map<String, String> frameworkIds(CrosswalkStore store) {
        Map<String, String> out = new HashMap<>();
        store.readReference(conn -> {
            conn.querySelect("""
                    PREFIX cw: <https://w3id.org/crosswalk/ontology#>
                    PREFIX dcterms: <http://purl.org/dc/terms/>
                    SELECT ?f ?id WHERE { ?f a cw:Framework ; dcterms:identifier ?id }""",
                    s -> out.put(s.getResource("f").getURI(), s.getLiteral("id").getLexicalForm()));
            return null;
        });
        return out;
    }
}
