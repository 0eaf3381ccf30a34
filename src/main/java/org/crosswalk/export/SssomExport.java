package org.crosswalk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crosswalk.graph.Vocab;
import org.incenp.obofoundry.sssom.TSVWriter;
import org.incenp.obofoundry.sssom.model.ExtensionDefinition;
import org.incenp.obofoundry.sssom.model.ExtensionValue;
import org.incenp.obofoundry.sssom.model.Mapping;
import org.incenp.obofoundry.sssom.model.MappingSet;
import org.incenp.obofoundry.sssom.model.PredicateModifier;

/**
 * SSSOM TSV of the mappings between two frameworks, curated and derived, written by sssom-java's own
 * TSVWriter (so the file is what the SSSOM toolchain expects, not our reading of the spec), and valid
 * against the SSSOM 1.0 LinkML schema (ExportsApiTest checks both). Derived rows keep their SEMAPV term
 * (MappingInversion / MappingChaining) in ext_derivation and name the mappings they came from in see_also,
 * so a reader can rebuild the path.
 */
public final class SssomExport {
    public static final String SET_NS = "https://w3id.org/crosswalk/mappings/";

    private SssomExport() {}

    public static MappingSet build(Framework subject, Framework object, MappingSource source) {
        List<ExportedMapping> rows = source.mappings(subject, object);
        MappingSource.SetMetadata meta = source.curatedSet(subject, object).orElse(null);
        long derived = rows.stream().filter(m -> !m.curated()).count();

        MappingSet set = new MappingSet();
        set.setCurieMap(curieMap(subject, object));
        set.setMappingSetId(meta != null ? meta.id() : SET_NS + subject.id() + "-" + object.id());
        set.setMappingSetVersion(meta != null && !meta.version().isBlank() ? meta.version() : "1.0.0");
        set.setMappingSetTitle(meta != null && !meta.title().isBlank() ? meta.title()
                : subject.title() + " to " + object.title() + " (derived)");
        set.setMappingSetDescription((meta != null && !meta.description().isBlank() ? meta.description() + " "
                : "Mappings derived by Crosswalk from the curated sets; no curated set exists for this direction. ")
                + "This export holds " + (rows.size() - derived) + " curated and " + derived
                + " derived mappings (ext_derivation: semapv:MappingInversion or semapv:MappingChaining; see_also names the mappings each was derived from).");
        set.setLicense(meta != null && meta.license() != null ? meta.license() : "https://creativecommons.org/licenses/by/4.0/");
        set.setCreatorId(meta != null && !meta.creators().isEmpty() ? meta.creators() : List.of("https://w3id.org/crosswalk/agent/curators"));
        set.setSubjectSource(subject.iri());
        set.setSubjectSourceVersion(subject.edition());
        set.setObjectSource(object.iri());
        set.setObjectSourceVersion(object.edition());
        set.setExtensionDefinitions(List.of(
                new ExtensionDefinition("ext_relation", Vocab.CW + "relation", "http://www.w3.org/2001/XMLSchema#string"),
                new ExtensionDefinition("ext_rationale", Vocab.CW + "rationale", "http://www.w3.org/2001/XMLSchema#string"),
                new ExtensionDefinition("ext_strength", Vocab.CW + "strength", "http://www.w3.org/2001/XMLSchema#integer"),
                new ExtensionDefinition("ext_derivation", Vocab.CW + "derivation", "http://www.w3.org/2001/XMLSchema#anyURI")));

        List<Mapping> mappings = new ArrayList<>();
        for (ExportedMapping m : rows) mappings.add(toSssom(m));
        set.setMappings(mappings);
        return set;
    }

    public static void write(MappingSet set, OutputStream out) throws IOException {
        java.io.ByteArrayOutputStream tsv = new java.io.ByteArrayOutputStream();
        TSVWriter writer = new TSVWriter(tsv);
        writer.setExtraMetadataPolicy(org.incenp.obofoundry.sssom.ExtraMetadataPolicy.DEFINED); // write the ext_ columns
        writer.setCurieMap(set.getCurieMap());
        writer.write(set);
        out.write(quoteHeaderScalars(tsv.toString(java.nio.charset.StandardCharsets.UTF_8)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** A plain YAML scalar that a YAML reader would take for a number, a boolean or null. */
    private static final java.util.regex.Pattern NOT_A_STRING = java.util.regex.Pattern.compile(
            "[-+]?(\\.?[0-9][0-9_]*)(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-fA-F_]+|0o?[0-7_]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
            + "|(?i:y|n|yes|no|true|false|on|off|null)|~");

    /**
     * sssom-java writes a metadata value such as subject_source_version 2023 or 1.0 as a plain YAML
     * scalar, which every YAML reader takes for a number (and 1.10 would come back as 1.1), while the SSSOM
     * schema types every such slot as a string. Quote, in the YAML header only, every version and each other
     * top-level value that would not read back as a string; dates (mapping_date, publication_date) are left
     * as they are.
     */
    static String quoteHeaderScalars(String tsv) {
        StringBuilder out = new StringBuilder(tsv.length() + 64);
        int start = 0;
        while (start < tsv.length() && tsv.charAt(start) == '#') {
            int end = tsv.indexOf('\n', start);
            if (end < 0) end = tsv.length() - 1;
            String line = tsv.substring(start, end + 1);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^#([a-z_]+): (.+?)(\\r?\\n)?$", java.util.regex.Pattern.DOTALL).matcher(line);
            if (m.matches() && !m.group(2).startsWith("\"") && (m.group(1).endsWith("_version") || NOT_A_STRING.matcher(m.group(2)).matches())) {
                line = "#" + m.group(1) + ": \"" + m.group(2) + "\"" + (m.group(3) == null ? "" : m.group(3));
            }
            out.append(line);
            start = end + 1;
        }
        return out.append(tsv, start, tsv.length()).toString();
    }

    static Mapping toSssom(ExportedMapping m) {
        Mapping row = new Mapping();
        row.setSubjectId(m.subject().iri());
        row.setSubjectLabel(label(m.subject()));
        row.setPredicateId(m.predicate());
        if (m.negated()) row.setPredicateModifier(PredicateModifier.NOT);
        row.setObjectId(m.object().iri());
        row.setObjectLabel(label(m.object()));
        row.setMappingJustification(justification(m.justification()));
        if (m.author() != null) row.setAuthorId(List.of(m.author()));
        if (!m.date().isBlank()) row.setMappingDate(LocalDate.parse(m.date()));
        row.setComment(m.comment());
        List<String> seeAlso = new ArrayList<>(m.seeAlso());
        seeAlso.addAll(m.derivedFrom());
        if (!seeAlso.isEmpty()) row.setSeeAlso(seeAlso);
        Map<String, ExtensionValue> ext = new LinkedHashMap<>();
        ext.put(Vocab.CW + "relation", new ExtensionValue(m.relation()));
        ext.put(Vocab.CW + "rationale", new ExtensionValue(m.rationale()));
        ext.put(Vocab.CW + "strength", new ExtensionValue(m.strength()));
        if (!m.curated()) ext.put(Vocab.CW + "derivation", new ExtensionValue(m.justification(), true));
        row.setExtensions(ext);
        return row;
    }

    /**
     * "10.2 Nonconformity and corrective action": the id people write, then the short title. An EU AI Act
     * point has no title of its own, its label is its id ("Article 16(j)"), so it is written once.
     */
    static String label(ExportedMapping.Requirement r) {
        String label = r.label() == null ? "" : r.label().strip();
        String notation = r.notation() == null ? "" : r.notation().strip();
        if (label.isEmpty()) return notation;
        if (notation.isEmpty() || label.equals(notation) || label.startsWith(notation + " ")) return label;
        return notation + " " + label;
    }

    /**
     * SSSOM 1.0 (the released schema) lists the justifications a mapping may carry, and
     * semapv:MappingInversion is not among them (it comes with SSSOM 1.1, still a draft). A set that
     * validates against 1.0 therefore states an inverted row as semapv:LogicalReasoning, which it is (b ⊇ a
     * follows from a ⊆ b), and keeps the exact SEMAPV term in the ext_derivation column; chaining is in
     * 1.0 and stays as it is.
     */
    static String justification(String iri) {
        return iri.equals(Vocab.MappingInversion.getURI()) ? Vocab.SEMAPV + "LogicalReasoning" : iri;
    }

    private static Map<String, String> curieMap(Framework subject, Framework object) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(prefixOf(subject), subject.iri() + "/");
        map.put(prefixOf(object), object.iri() + "/");
        map.put("cw", Vocab.CW);
        map.put("cwagent", "https://w3id.org/crosswalk/agent/");
        map.put("cwmap", Vocab.MAPPING_NS);
        return map;
    }

    /** The CURIE prefix our data files use for a framework (iso42001, nistairmf, euaiact, ...). */
    static String prefixOf(Framework f) {
        return f.id().replace("-", "");
    }
}
