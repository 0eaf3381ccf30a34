package org.crosswalk.graph;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * Point-in-time law: derives the full version history of every provision of a catalogued legal act
 * (a framework with {@code cw:enactedBy}) from three kinds of data, so that a query "as of D" only has to
 * pick the version whose interval holds D.
 * <ol>
 * <li>the catalogue itself: the provision as enacted (roles, system classes, date) becomes its first
 * version ({@code cw:Enacted}), valid from the act's entry into force;</li>
 * <li>the versions an amending act states ({@code cw:ProvisionVersion}: inserted, replaced, deleted):
 * what a version does not state, it keeps from the version before;</li>
 * <li>application rules ({@code cw:ApplicationRule}, Article 113 and its amendments): from their date on,
 * every provision under their scope that concerns a class they set gets that class's new date, as a new
 * {@code cw:Rescheduled} version (or in the version of that same day).</li>
 * </ol>
 * Every version then gets one {@code cw:application} per system class it concerns (a high-risk provision:
 * one for Annex III and one for Annex I systems, whose dates differ), each with its date and the citation
 * that sets it, and {@code cw:validUntil} = the next version's {@code cw:validFrom}. Nothing here knows a
 * date or an article: the next amending act is a new data file.
 */
public final class LawVersions {
    private static final String CW = Vocab.CW;
    private static final String ELI = "http://data.europa.eu/eli/ontology#";
    private static final Property versionOf = Vocab.cwp("versionOf");
    private static final Property validFrom = Vocab.cwp("validFrom");
    private static final Property validUntil = Vocab.cwp("validUntil");
    private static final Property madeBy = Vocab.cwp("madeBy");
    private static final Property changeKind = Vocab.cwp("changeKind");
    private static final Property bindsRole = Vocab.cwp("bindsRole");
    private static final Property concernsSystem = Vocab.cwp("concernsSystem");
    private static final Property appliesFrom = Vocab.cwp("appliesFrom");
    private static final Property dateSetBy = Vocab.cwp("dateSetBy");
    private static final Property textStatus = Vocab.cwp("textStatus");
    private static final Property application = Vocab.cwp("application");
    private static final Property systemClass = Vocab.cwp("systemClass");
    private static final Property scope = Vocab.cwp("scope");
    private static final Property except = Vocab.cwp("except");
    private static final Property sets = Vocab.cwp("sets");
    private static final Property enactedBy = Vocab.cwp("enactedBy");
    private static final Property code = Vocab.cwp("code");
    private static final Property refines = Vocab.cwp("refines");
    private static final Property explanation = Vocab.cwp("explanation");
    private static final Property roleCode = Vocab.cwp("roleCode");
    private static final Property systemCode = Vocab.cwp("systemCode");
    private static final Property entryIntoForce = ResourceFactory.createProperty(ELI + "first_date_entry_in_force");
    private static final Property wasRevisionOf = ResourceFactory.createProperty(Vocab.PROV + "wasRevisionOf");
    private static final Resource ProvisionVersion = Vocab.cw("ProvisionVersion");
    private static final Resource ApplicationRule = Vocab.cw("ApplicationRule");
    private static final Resource Application = Vocab.cw("Application");
    private static final Resource Enacted = Vocab.cw("Enacted");
    private static final Resource Inserted = Vocab.cw("Inserted");
    private static final Resource Deleted = Vocab.cw("Deleted");
    private static final Resource Rescheduled = Vocab.cw("Rescheduled");
    private static final Resource Official = Vocab.cw("Official");

    /** What the loader reports: how many versions exist and how many amending acts made some. */
    public record Counts(int versions, int stated, int rescheduled) {}

    private LawVersions() {}

    /** One date a rule sets; {@code forClass} null = every class of the provision (its general date). */
    private record RuleDate(Resource forClass, LocalDate date) {}

    private record Rule(Resource iri, LocalDate from, Resource madeBy, String setBy, Set<Resource> reach, List<RuleDate> dates) {}

    /** The state of a provision between two versions. */
    private static final class State {
        Set<Resource> roles = new LinkedHashSet<>();
        Set<Resource> systems = new LinkedHashSet<>();
        LocalDate date;
        String setBy;
        Map<Resource, LocalDate> classDate = new HashMap<>();
        Map<Resource, String> classSetBy = new HashMap<>();
        RDFNode textStatus = Official;
    }

    public static Counts derive(Model model, List<String> problems) {
        int versions = 0, stated = 0, rescheduled = 0;
        for (Resource framework : model.listSubjectsWithProperty(enactedBy).toList()) {
            Resource act = framework.getPropertyResourceValue(enactedBy);
            LocalDate enacted = date(act.getProperty(entryIntoForce));
            if (enacted == null) {
                problems.add("<" + act.getURI() + ">: the enacting act needs eli:first_date_entry_in_force");
                continue;
            }
            String actSetBy = string(act.getProperty(dateSetBy), "the application rules of " + label(act));
            Map<Resource, List<Resource>> statedVersions = statedVersions(model, framework);
            List<Rule> rules = rules(model, problems);
            for (Resource provision : model.listSubjectsWithProperty(SKOS.inScheme, framework).toList()) {
                Map<LocalDate, Resource> ownVersions = new TreeMap<>();
                for (Resource v : statedVersions.getOrDefault(provision, List.of())) {
                    LocalDate d = date(v.getProperty(validFrom));
                    if (d == null) {
                        problems.add("<" + v.getURI() + ">: a provision version needs cw:validFrom");
                    } else if (ownVersions.put(d, v) != null) {
                        problems.add("<" + v.getURI() + ">: two versions of <" + provision.getURI() + "> start on " + d);
                    }
                }
                boolean inserted = ownVersions.values().stream().anyMatch(v -> v.hasProperty(changeKind, Inserted));
                TreeMap<LocalDate, List<Rule>> rulesByDate = new TreeMap<>();
                for (Rule r : rules) if (r.reach().contains(provision)) rulesByDate.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
                Set<LocalDate> dates = new java.util.TreeSet<>(ownVersions.keySet());
                dates.addAll(rulesByDate.keySet());
                if (!inserted) dates.add(enacted);

                State state = new State();
                Resource previous = null;
                List<Resource> history = new ArrayList<>();
                for (LocalDate d : dates) {
                    if (!inserted && d.isBefore(enacted)) continue;
                    Resource version = ownVersions.get(d);
                    boolean changed = version != null;
                    if (version == null && !inserted && d.equals(enacted)) {
                        version = model.createResource(provision.getURI() + "/version/" + d)
                                .addProperty(RDF.type, ProvisionVersion).addProperty(versionOf, provision)
                                .addProperty(validFrom, dateLiteral(model, d)).addProperty(changeKind, Enacted)
                                .addProperty(madeBy, act);
                        provision.listProperties(bindsRole).forEach(s -> state.roles.add(s.getResource()));
                        provision.listProperties(concernsSystem).forEach(s -> state.systems.add(s.getResource()));
                        state.date = date(provision.getProperty(appliesFrom));
                        state.setBy = actSetBy;
                        changed = true;
                    } else if (version != null) {
                        stated++;
                        if (version.hasProperty(changeKind, Deleted)) {
                            history.add(close(previous, version, model));
                            previous = version;
                            continue;
                        }
                        apply(version, state);
                    }
                    List<Rule> due = rulesByDate.getOrDefault(d, List.of());
                    Resource ruleMadeBy = null;
                    for (Rule r : due) {
                        if (applyRule(r, state)) ruleMadeBy = r.madeBy();
                    }
                    if (!changed && ruleMadeBy == null) continue;
                    if (version == null) {
                        if (previous == null) continue; // a rule dated before the provision exists
                        version = model.createResource(provision.getURI() + "/version/" + d)
                                .addProperty(RDF.type, ProvisionVersion).addProperty(versionOf, provision)
                                .addProperty(validFrom, dateLiteral(model, d)).addProperty(changeKind, Rescheduled)
                                .addProperty(madeBy, ruleMadeBy);
                        rescheduled++;
                    }
                    write(model, version, state, d, label(version.getPropertyResourceValue(madeBy)));
                    history.add(close(previous, version, model));
                    previous = version;
                }
                versions += history.size();
            }
        }
        return new Counts(versions, stated, rescheduled);
    }

    /** Links a new version to the one it follows; returns the new one. */
    private static Resource close(Resource previous, Resource next, Model model) {
        if (previous != null) {
            previous.addProperty(validUntil, next.getProperty(validFrom).getObject());
            next.addProperty(wasRevisionOf, previous);
        }
        return next;
    }

    /** What a stated version says replaces the state; what it does not say carries over. */
    private static void apply(Resource version, State state) {
        if (version.hasProperty(bindsRole)) {
            state.roles = new LinkedHashSet<>();
            version.listProperties(bindsRole).forEach(s -> state.roles.add(s.getResource()));
        }
        if (version.hasProperty(concernsSystem)) {
            state.systems = new LinkedHashSet<>();
            version.listProperties(concernsSystem).forEach(s -> state.systems.add(s.getResource()));
        }
        if (version.hasProperty(appliesFrom)) {
            state.date = date(version.getProperty(appliesFrom));
            state.setBy = string(version.getProperty(dateSetBy), label(version.getPropertyResourceValue(madeBy)));
            state.classDate.clear();
            state.classSetBy.clear();
        }
        if (version.hasProperty(textStatus)) state.textStatus = version.getProperty(textStatus).getObject();
    }

    /** True when the rule sets a date this provision has (a class it concerns, or its general date). */
    private static boolean applyRule(Rule r, State state) {
        boolean hit = false;
        Set<Resource> classes = expanded(state.systems, r);
        for (RuleDate rd : r.dates()) {
            if (rd.forClass() == null) {
                state.date = rd.date();
                state.setBy = r.setBy();
                state.classDate.clear();
                state.classSetBy.clear();
                hit = true;
            } else if (classes.contains(rd.forClass())) {
                state.classDate.put(rd.forClass(), rd.date());
                state.classSetBy.put(rd.forClass(), r.setBy());
                hit = true;
            }
        }
        return hit;
    }

    /** The classes a provision's applications are for: a broad class is split into the classes refining it. */
    private static Set<Resource> expanded(Set<Resource> systems, Rule unused) {
        Set<Resource> out = new LinkedHashSet<>();
        for (Resource s : systems) {
            List<Resource> narrower = s.getModel().listSubjectsWithProperty(refines, s).toList();
            if (narrower.isEmpty()) out.add(s);
            else out.addAll(narrower);
        }
        return out;
    }

    private static void write(Model model, Resource version, State state, LocalDate from, String madeByLabel) {
        if (!version.hasProperty(bindsRole)) state.roles.forEach(r -> version.addProperty(bindsRole, r));
        // Flattened for the queries' filters (a plain triple lookup instead of a property path per row):
        // the codes of the roles bound and of the roles they specialise (a GPAI model provider is a provider).
        version.listProperties(bindsRole).toList().forEach(s -> roleCodes(s.getResource(), version, new HashSet<>()));
        if (!version.hasProperty(concernsSystem)) state.systems.forEach(s -> version.addProperty(concernsSystem, s));
        if (!version.hasProperty(textStatus)) version.addProperty(textStatus, state.textStatus);
        if (state.date != null && !version.hasProperty(appliesFrom)) version.addProperty(appliesFrom, dateLiteral(model, state.date));
        if (state.setBy != null && !version.hasProperty(dateSetBy)) version.addProperty(dateSetBy, state.setBy);
        Set<Resource> classes = expanded(state.systems, null);
        if (classes.isEmpty()) classes = java.util.Collections.singleton(null);
        for (Resource c : classes) {
            LocalDate d = c != null && state.classDate.containsKey(c) ? state.classDate.get(c) : state.date;
            String setBy = c != null && state.classSetBy.containsKey(c) ? state.classSetBy.get(c) : state.setBy;
            if (d == null) { // no date of its own: applies while in force
                d = from;
                setBy = madeByLabel;
            }
            String suffix = c == null ? "any" : string(c.getProperty(code), c.getLocalName());
            Resource app = model.createResource(version.getURI() + "/applies/" + suffix)
                    .addProperty(RDF.type, Application).addProperty(appliesFrom, dateLiteral(model, d))
                    .addProperty(dateSetBy, setBy == null ? "" : setBy);
            if (c != null) {
                app.addProperty(systemClass, c);
                // the class's code and the codes of the classes it refines: system=high-risk matches both routes
                if (c.hasProperty(code)) app.addProperty(systemCode, c.getProperty(code).getString());
                c.listProperties(refines).forEach(r -> { if (r.getResource().hasProperty(code)) app.addProperty(systemCode, r.getResource().getProperty(code).getString()); });
            }
            // The sentence answers print: "applies from 2027-12-02 for <class> — <provision that sets the date>".
            boolean anySystem = c == null || "all".equals(string(c.getProperty(code), ""));
            String forClass = anySystem ? "" : " for " + string(c.getProperty(org.apache.jena.vocabulary.RDFS.label), c.getLocalName());
            app.addProperty(explanation, "applies from " + d + forClass + " — " + (setBy == null ? "" : setBy));
            version.addProperty(application, app);
        }
    }

    private static void roleCodes(Resource role, Resource version, Set<Resource> seen) {
        if (!seen.add(role)) return;
        if (role.hasProperty(code)) version.addProperty(roleCode, role.getProperty(code).getString());
        role.listProperties(org.apache.jena.vocabulary.RDFS.subClassOf).forEach(s -> roleCodes(s.getResource(), version, seen));
    }

    private static Map<Resource, List<Resource>> statedVersions(Model model, Resource framework) {
        Map<Resource, List<Resource>> out = new LinkedHashMap<>();
        for (Resource v : model.listSubjectsWithProperty(RDF.type, ProvisionVersion).toList()) {
            Resource p = v.getPropertyResourceValue(versionOf);
            if (p != null && p.hasProperty(SKOS.inScheme, framework)) out.computeIfAbsent(p, k -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** Every rule with the set of provisions it reaches: its scopes and all below them, minus the exceptions. */
    private static List<Rule> rules(Model model, List<String> problems) {
        Map<Resource, List<Resource>> children = new HashMap<>();
        model.listStatements(null, SKOS.broader, (RDFNode) null)
                .forEach(s -> children.computeIfAbsent(s.getResource(), k -> new ArrayList<>()).add(s.getSubject()));
        List<Rule> out = new ArrayList<>();
        for (Resource r : model.listSubjectsWithProperty(RDF.type, ApplicationRule).toList()) {
            LocalDate from = date(r.getProperty(validFrom));
            if (from == null) {
                problems.add("<" + r.getURI() + ">: an application rule needs cw:validFrom");
                continue;
            }
            Set<Resource> reach = new HashSet<>();
            r.listProperties(scope).forEach(s -> below(s.getResource(), children, reach));
            Set<Resource> excluded = new HashSet<>();
            r.listProperties(except).forEach(s -> below(s.getResource(), children, excluded));
            reach.removeAll(excluded);
            List<RuleDate> dates = new ArrayList<>();
            for (Statement s : r.listProperties(sets).toList()) {
                Resource set = s.getResource();
                dates.add(new RuleDate(set.getPropertyResourceValue(systemClass), date(set.getProperty(appliesFrom))));
            }
            if (dates.stream().anyMatch(d -> d.date() == null)) {
                problems.add("<" + r.getURI() + ">: every cw:sets of an application rule needs cw:appliesFrom");
                continue;
            }
            out.add(new Rule(r, from, r.getPropertyResourceValue(madeBy),
                    string(r.getProperty(dateSetBy), label(r.getPropertyResourceValue(madeBy))), reach, dates));
        }
        out.sort(Comparator.comparing(Rule::from));
        return out;
    }

    private static void below(Resource node, Map<Resource, List<Resource>> children, Set<Resource> into) {
        if (!into.add(node)) return;
        for (Resource c : children.getOrDefault(node, List.of())) below(c, children, into);
    }

    private static LocalDate date(Statement s) {
        if (s == null || !s.getObject().isLiteral()) return null;
        try {
            return LocalDate.parse(s.getLiteral().getLexicalForm());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Literal dateLiteral(Model model, LocalDate d) {
        return model.createTypedLiteral(d.toString(), XSDDatatype.XSDdate);
    }

    private static String string(Statement s, String fallback) {
        return s == null ? fallback : s.getString();
    }

    private static String label(Resource r) {
        if (r == null) return null;
        Statement n = r.getProperty(SKOS.notation);
        return n != null ? n.getString() : r.getURI();
    }
}
