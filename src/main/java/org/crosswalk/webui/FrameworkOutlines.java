package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crosswalk.answers.Catalogue;
import org.crosswalk.answers.Catalogue.RequirementRow;
import org.crosswalk.answers.RequirementIndex;
import org.springframework.stereotype.Component;

/**
 * The shape of each framework as the pages lay it out: requirements in document order (from
 * queries/requirements.rq), each one's group for the heatmap, and a short display name. The graph does
 * not change while the service runs (a data change is a new store and a restart), so each outline is
 * read once.
 */
@Component
public class FrameworkOutlines {

    /** A framework's requirements in document order, and the groups the heatmap uses as rows or columns. */
    public record Outline(String id, String name, List<RequirementRow> requirements, Map<String, RequirementRow> byIri,
            Map<String, String> groupOf, List<RequirementRow> groups, Map<String, Integer> depthOf) {
        /** 0 for a top-level part, 1 for its children, ... (for indenting lists). */
        public int depth(RequirementRow r) {
            return depthOf.getOrDefault(r.iri(), 0);
        }
    }

    /**
     * A framework with only a few top-level parts (NIST AI RMF's four functions) is grouped one level down
     * (its categories), so a heatmap row says more than "GOVERN"; others by their top-level parts (ISO
     * clauses and Annex A objectives, EU AI Act chapters and annexes).
     */
    static final int FEW_TOP_LEVEL_PARTS = 6;

    private final Catalogue catalogue;
    private final RequirementIndex index;
    private final Map<String, Outline> outlines = new ConcurrentHashMap<>();

    public FrameworkOutlines(Catalogue catalogue, RequirementIndex index) {
        this.catalogue = catalogue;
        this.index = index;
    }

    public Outline of(String framework) {
        String id = index.framework(framework).id();
        return outlines.computeIfAbsent(id, this::read);
    }

    public List<RequirementIndex.Framework> frameworks() {
        return index.frameworks();
    }

    public String name(String framework) {
        return shortName(index.framework(framework).title());
    }

    private Outline read(String id) {
        List<RequirementRow> rows = catalogue.requirements(id).requirements();
        Map<String, RequirementRow> byNotation = new HashMap<>(), byIri = new LinkedHashMap<>();
        for (RequirementRow r : rows) {
            byNotation.put(r.notation(), r);
            byIri.put(r.iri(), r);
        }
        List<RequirementRow> top = rows.stream().filter(r -> r.parent() == null).toList();
        boolean oneLevelDown = top.size() < FEW_TOP_LEVEL_PARTS;
        Map<String, String> groupOf = new HashMap<>();
        Map<String, Integer> depthOf = new HashMap<>();
        List<RequirementRow> groups = new ArrayList<>();
        for (RequirementRow r : rows) {
            List<RequirementRow> chain = new ArrayList<>(); // r, its parent, ..., its top-level part
            for (RequirementRow p = r; p != null; p = p.parent() == null ? null : byNotation.get(p.parent())) chain.add(p);
            RequirementRow group = oneLevelDown && chain.size() >= 2 ? chain.get(chain.size() - 2) : chain.getLast();
            groupOf.put(r.iri(), group.iri());
            depthOf.put(r.iri(), chain.size() - 1);
            if (group == r) groups.add(r);
        }
        return new Outline(id, shortName(index.framework(id).title()), rows, byIri, groupOf, groups, depthOf);
    }

    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(([^()]+)\\)\\s*$");
    private static final Pattern STANDARD_NUMBER = Pattern.compile("^(\\S+ \\d+:\\d{4})\\b");

    /**
     * A name that fits a table header, from the framework's title in the graph: the name a title gives
     * itself in closing parentheses ("Artificial Intelligence Act", "AI RMF 1.0"), or a standard's number
     * and year ("ISO/IEC 42001:2023"), else the title.
     */
    static String shortName(String title) {
        Matcher m = IN_PARENTHESES.matcher(title);
        if (m.find()) {
            String inner = m.group(1);
            return inner.equals("Artificial Intelligence Act") ? "EU AI Act" : inner.startsWith("AI RMF") ? "NIST " + inner : inner;
        }
        m = STANDARD_NUMBER.matcher(title);
        return m.find() ? m.group(1) : title;
    }
}
