package org.crosswalk.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.graph.MappingRecord;
import org.crosswalk.graph.MappingSetReader;
import org.crosswalk.graph.Relation;
import org.incenp.obofoundry.sssom.TSVReader;
import org.incenp.obofoundry.sssom.model.Mapping;
import org.incenp.obofoundry.sssom.model.MappingSet;

/**
 * The reviewer's decision on a suggestion. Accepting (as suggested, or edited to another target) appends a
 * curated row to the pair's mapping set {@code mappings/<source>-<target>.sssom.tsv} — created with the
 * project's header when the pair has none — with the reviewer as {@code author_id}, the relation,
 * rationale, strength and reason they chose, and, where the file has those columns, the suggestion's
 * {@code similarity_score}; then the whole data is rebuilt and validated (derived mappings recomputed),
 * and the row is taken back if that fails. Every decision, rejections included, is logged with the score
 * in {@code suggestions/<source>-<target>.decisions.tsv}.
 */
public final class Review {

    public enum Verdict { ACCEPTED, EDITED, REJECTED }

    /** One decision; {@code suggestedObject} is the suggestion's target when the reviewer chose another. */
    public record Decision(String subject, String object, String suggestedObject, String relation, String rationale,
            Integer strength, String reason, String reviewer) {}

    public record Outcome(Verdict verdict, String file, int line, GraphBuilder.BuiltGraph graph) {}

    static final List<String> NEW_SET_COLUMNS = List.of("subject_id", "predicate_id", "predicate_modifier", "object_id",
            "mapping_justification", "author_id", "mapping_date", "ext_relation", "ext_rationale", "ext_strength", "comment",
            "see_also", "similarity_score", "similarity_measure");
    private static final Set<String> RATIONALES = Set.of("syntactic", "semantic", "functional");

    private final DataSources sources;
    private final Path suggestionsDir;

    public Review(DataSources sources, Path suggestionsDir) {
        this.sources = sources;
        this.suggestionsDir = suggestionsDir;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(message, null, null);
    }

    public Path candidates(String source, String target) {
        return suggestionsDir.resolve(CandidateFile.fileName(source, target));
    }

    /** A suggestion still waiting for a decision, in the order of the candidate file. */
    public record Pending(RequirementIndex.Requirement subject, RequirementIndex.Requirement object, int rank, Double confidence) {}

    /**
     * The suggestions of the pair's candidate file that nobody has decided yet: not in the decisions log
     * (accepted, edited or rejected) and not already curated in any mapping set. Empty when the pair has
     * no candidate file.
     */
    public synchronized List<Pending> pending(RequirementIndex index, String source, String target) {
        RequirementIndex.Framework from = index.framework(source), to = index.framework(target);
        Path file = candidates(from.id(), to.id());
        if (!Files.exists(file)) return List.of();
        Set<String> done = new java.util.HashSet<>();
        Path log = suggestionsDir.resolve(from.id() + "-" + to.id() + ".decisions.tsv");
        try {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    String[] c = line.split("\t", -1);
                    if (c.length > 5 && !c[0].equals("date")) done.add(c[3] + " " + c[5]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : sources.mappingFiles()) {
            for (MappingRecord m : MappingSetReader.read(f, sources.displayName(f), new ArrayList<>()).mappings()) {
                done.add(m.subject() + " " + m.object());
            }
        }
        List<Pending> out = new ArrayList<>();
        try {
            for (Mapping m : new TSVReader(file.toFile()).read().getMappings()) {
                if (done.contains(m.getSubjectId() + " " + m.getObjectId())) continue;
                var s = index.byIri(m.getSubjectId());
                var o = index.byIri(m.getObjectId());
                if (s.isEmpty() || o.isEmpty()) continue; // a requirement that no longer exists
                String comment = m.getComment() == null ? "" : m.getComment();
                java.util.regex.Matcher r = java.util.regex.Pattern.compile("^candidate (\\d+) ").matcher(comment);
                out.add(new Pending(s.get(), o.get(), r.find() ? Integer.parseInt(r.group(1)) : 0, m.getConfidence()));
            }
        } catch (Exception e) {
            throw invalid(file.getFileName() + ": not readable as SSSOM: " + e.getMessage());
        }
        return out;
    }

    /** Ranks candidates for every requirement of source in target and (re)writes the pair's candidate file. */
    public synchronized List<Suggester.Suggestion> writeCandidates(org.crosswalk.store.CrosswalkStore store, RequirementIndex index,
            String source, String target, int k) {
        if (k < 1 || k > 50) throw new IllegalArgumentException("k must be between 1 and 50");
        RequirementIndex.Framework from = index.framework(source), to = index.framework(target);
        if (from.id().equals(to.id())) throw new IllegalArgumentException("source and target are the same framework");
        List<Suggester.Suggestion> list = Suggester.suggest(RequirementText.of(store, from.id()),
                RequirementText.of(store, to.id()), k, Suggester.Mode.FULL);
        Path file = candidates(from.id(), to.id());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".suggest", ".part");
            try (java.io.OutputStream out = Files.newOutputStream(tmp)) {
                CandidateFile.write(list, from.id(), from.iri(), to.id(), to.iri(), out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    public synchronized Outcome decide(RequirementIndex index, String source, String target, Verdict asked, Decision d) {
        RequirementIndex.Framework from = index.framework(source), to = index.framework(target);
        RequirementIndex.Requirement s = index.requirement(from.id(), d.subject());
        RequirementIndex.Requirement o = index.requirement(to.id(), d.object());
        String suggestedIri = d.suggestedObject() == null ? o.iri() : index.requirement(to.id(), d.suggestedObject()).iri();
        Mapping candidate = candidate(from.id(), to.id(), s.iri(), suggestedIri);
        if (reviewer(d.reviewer()) == null) {
            throw invalid("reviewer '" + d.reviewer() + "': give a short name (letters, digits, hyphens), recorded as cwagent:<name>");
        }
        if (d.reason() == null || d.reason().isBlank() || d.reason().contains("\t") || d.reason().contains("\n")) {
            throw invalid("reason: one sentence, on one line, saying why");
        }
        if (asked == Verdict.REJECTED) {
            log(from.id(), to.id(), Verdict.REJECTED, d, s.iri(), null, suggestedIri, candidate);
            return new Outcome(Verdict.REJECTED, null, 0, null);
        }
        Relation relation = Relation.fromCode(d.relation() == null ? "" : d.relation()).orElseThrow(() -> invalid(
                "relation '" + d.relation() + "' is not one of equal, subset-of, superset-of, intersects-with, no-relationship"));
        if (d.rationale() == null || !RATIONALES.contains(d.rationale())) {
            throw invalid("rationale '" + d.rationale() + "' is not one of syntactic, semantic, functional");
        }
        if (d.strength() == null || !relation.allowsStrength(d.strength())) {
            throw invalid("strength " + d.strength() + " does not fit " + relation.code + " (equal = 10, no-relationship = 0, otherwise 1-9)");
        }
        alreadyCurated(s.iri(), o.iri());
        Verdict verdict = suggestedIri.equals(o.iri()) ? Verdict.ACCEPTED : Verdict.EDITED;

        Path file = sources.mappingsDir().resolve(from.id() + "-" + to.id() + ".sssom.tsv");
        byte[] before = null;
        int line;
        try {
            if (Files.exists(file)) before = Files.readAllBytes(file);
            else Files.writeString(file, header(from, to));
            List<String> lines = Files.readAllLines(file);
            String columnLine = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow();
            String row = row(columnLine.split("\t", -1), from, to, s, o, relation, d, candidate);
            String text = Files.readString(file);
            Files.writeString(file, (text.endsWith("\n") ? "" : "\n") + row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            line = Files.readAllLines(file).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GraphBuilder.BuiltGraph graph;
        try {
            graph = GraphBuilder.build(sources);
        } catch (RuntimeException e) {
            restore(file, before);
            throw e;
        }
        log(from.id(), to.id(), verdict, d, s.iri(), o.iri(), suggestedIri, candidate);
        return new Outcome(verdict, sources.displayName(file), line, graph);
    }

    private Mapping candidate(String source, String target, String subject, String object) {
        Path file = candidates(source, target);
        if (!Files.exists(file)) throw invalid("no suggestions for " + source + " to " + target + " yet: run suggest first");
        try {
            MappingSet set = new TSVReader(file.toFile()).read();
            for (Mapping m : set.getMappings()) {
                if (m.getSubjectId().equals(subject) && m.getObjectId().equals(object)) return m;
            }
        } catch (Exception e) {
            throw invalid(file.getFileName() + ": not readable as SSSOM: " + e.getMessage());
        }
        throw invalid("no suggestion from " + subject + " to " + object + " in " + file.getFileName()
                + " (to map to another target, give the suggestion's target as suggested_object)");
    }

    private void alreadyCurated(String subject, String object) {
        for (Path f : sources.mappingFiles()) {
            MappingSetReader.Result r = MappingSetReader.read(f, sources.displayName(f), new ArrayList<>());
            for (MappingRecord m : r.mappings()) {
                if (m.subject().equals(subject) && m.object().equals(object)) {
                    throw invalid("already curated at " + m.location() + " (" + m.relation().code + "): edit that row instead");
                }
            }
        }
    }

    private static String reviewer(String given) {
        if (given == null) return null;
        String name = given.strip().replaceFirst("^cwagent:", "");
        return name.matches("[a-z0-9]+(-[a-z0-9]+)*") ? "cwagent:" + name : null;
    }

    private static String curie(RequirementIndex.Framework f, RequirementIndex.Requirement r) {
        return f.id().replace("-", "") + ":" + r.localId();
    }

    private static String row(String[] columns, RequirementIndex.Framework from, RequirementIndex.Framework to,
            RequirementIndex.Requirement s, RequirementIndex.Requirement o, Relation relation, Decision d, Mapping candidate) {
        Map<String, String> v = new java.util.HashMap<>();
        v.put("subject_id", curie(from, s));
        v.put("predicate_id", "skos:" + relation.skosPredicate.getLocalName());
        v.put("predicate_modifier", relation == Relation.NO_RELATIONSHIP ? "Not" : "");
        v.put("object_id", curie(to, o));
        v.put("mapping_justification", "semapv:ManualMappingCuration");
        v.put("author_id", reviewer(d.reviewer()));
        v.put("mapping_date", LocalDate.now().toString());
        v.put("ext_relation", relation.code);
        v.put("ext_rationale", d.rationale());
        v.put("ext_strength", String.valueOf(d.strength()));
        v.put("comment", d.reason().strip());
        if (candidate.getSimilarityScore() != null) {
            v.put("similarity_score", String.valueOf(candidate.getSimilarityScore()));
            v.put("similarity_measure", "BM25 normalised (crosswalk suggest)");
        }
        List<String> cells = new ArrayList<>();
        for (String c : columns) cells.add(v.getOrDefault(c.strip(), ""));
        return String.join("\t", cells);
    }

    private static String header(RequirementIndex.Framework from, RequirementIndex.Framework to) {
        String sp = from.id().replace("-", ""), op = to.id().replace("-", "");
        return """
                # curie_map:
                #   cwagent: https://w3id.org/crosswalk/agent/
                #   %s: %s
                #   %s: %s
                #   cw: https://w3id.org/crosswalk/ontology#
                # mapping_set_id: https://w3id.org/crosswalk/mappings/%s-%s
                # mapping_set_version: "1.0.0"
                # mapping_set_title: %s to %s
                # mapping_set_description: Curated set-theory mappings (NIST IR 8477), each accepted by a reviewer from the suggestions of crosswalk suggest; similarity_score keeps the suggestion's score.
                # license: https://creativecommons.org/licenses/by/4.0/
                # creator_id:
                #   - cwagent:curators
                # subject_source: %s
                # subject_source_version: "%s"
                # object_source: %s
                # object_source_version: "%s"
                # mapping_date: %s
                # extension_definitions:
                #   - slot_name: ext_relation
                #     property: cw:relation
                #     type_hint: xsd:string
                #   - slot_name: ext_rationale
                #     property: cw:rationale
                #     type_hint: xsd:string
                #   - slot_name: ext_strength
                #     property: cw:strength
                #     type_hint: xsd:integer
                %s
                """.formatted(sp, from.namespace(), op, to.namespace(), from.id(), to.id(), from.title(), to.title(),
                from.iri(), from.edition(), to.iri(), to.edition(), LocalDate.now(), String.join("\t", NEW_SET_COLUMNS));
    }

    private void log(String source, String target, Verdict verdict, Decision d, String subject, String object,
            String suggested, Mapping candidate) {
        Path log = suggestionsDir.resolve(source + "-" + target + ".decisions.tsv");
        try {
            Files.createDirectories(suggestionsDir);
            if (!Files.exists(log)) {
                Files.writeString(log, "date\treviewer\tdecision\tsubject_id\tobject_id\tsuggested_object_id\tsimilarity_score\tconfidence\trelation\tstrength\treason\n");
            }
            String row = String.join("\t", LocalDate.now().toString(), reviewer(d.reviewer()), verdict.name().toLowerCase(),
                    subject, object == null ? "" : object, suggested, String.valueOf(candidate.getSimilarityScore()),
                    String.valueOf(candidate.getConfidence()), d.relation() == null ? "" : d.relation(),
                    d.strength() == null ? "" : String.valueOf(d.strength()), d.reason().strip());
            Files.writeString(log, row + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restore(Path file, byte[] before) {
        try {
            if (before == null) Files.deleteIfExists(file);
            else Files.write(file, before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
