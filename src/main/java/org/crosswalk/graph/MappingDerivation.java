package org.crosswalk.graph;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Materialises the mappings DESIGN.md lets us derive from curated ones, so that a question from any
 * framework to any other has mappings in its own direction:
 * <ul>
 * <li>inversion: a R b gives b R⁻¹ a ({@link Relation#inverse()}), marked semapv:MappingInversion;</li>
 * <li>chaining: a R b and b S c, with a and c in different frameworks than b and each other, gives
 * a (R∘S) c where {@link Relation#compose} allows it, strength = the minimum, marked
 * semapv:MappingChaining.</li>
 * </ul>
 * A curated mapping between two requirements always wins: nothing is derived for a pair (a, c) that a
 * curated row already relates, and inversions win over chains. Among several chains for one pair the
 * strongest is kept (ties: the first in a stable order), so the answer does not depend on file order.
 */
public final class MappingDerivation {

    private MappingDerivation() {}

    /**
     * @param curated    the curated mappings of every set
     * @param frameworkOf the framework (concept scheme IRI) of a requirement IRI
     * @return the derived mappings only
     */
    public static List<MappingRecord> derive(List<MappingRecord> curated, Function<String, String> frameworkOf) {
        Map<String, MappingRecord> byPair = new LinkedHashMap<>();
        for (MappingRecord m : curated) byPair.putIfAbsent(pair(m.subject(), m.object()), m);

        List<MappingRecord> inverses = new ArrayList<>();
        for (MappingRecord m : curated) {
            String key = pair(m.object(), m.subject());
            if (byPair.containsKey(key)) continue;
            MappingRecord inv = new MappingRecord(m.object(), m.relation().inverse(), m.subject(),
                    Vocab.MappingInversion.getURI(), m.rationale(), m.strength(), "Inverse of: " + m.comment(),
                    m.author(), m.date(), m.seeAlso(), m.mappingSet(), "", List.of(m), null);
            byPair.put(key, inv);
            inverses.add(inv);
        }

        // One-step mappings (curated and inverted), indexed by subject, then chains of two.
        Map<String, List<MappingRecord>> bySubject = new HashMap<>();
        for (MappingRecord m : byPair.values()) bySubject.computeIfAbsent(m.subject(), k -> new ArrayList<>()).add(m);

        Map<String, MappingRecord> chains = new LinkedHashMap<>();
        Comparator<MappingRecord> preference = Comparator.comparingInt(MappingRecord::strength).reversed()
                .thenComparing(MappingRecord::via);
        List<MappingRecord> firstSteps = new ArrayList<>(byPair.values());
        firstSteps.sort(Comparator.comparing(MappingRecord::subject).thenComparing(MappingRecord::object));
        for (MappingRecord ab : firstSteps) {
            String fa = frameworkOf.apply(ab.subject());
            String fb = frameworkOf.apply(ab.object());
            for (MappingRecord bc : bySubject.getOrDefault(ab.object(), List.of())) {
                String fc = frameworkOf.apply(bc.object());
                if (fa == null || fc == null || fa.equals(fc) || fb.equals(fc)) continue;
                String key = pair(ab.subject(), bc.object());
                if (byPair.containsKey(key)) continue;
                Optional<Relation> composed = ab.relation().compose(bc.relation());
                if (composed.isEmpty()) continue;
                MappingRecord chain = new MappingRecord(ab.subject(), composed.get(), bc.object(),
                        Vocab.MappingChaining.getURI(), weakerRationale(ab.rationale(), bc.rationale()),
                        Math.min(ab.strength(), bc.strength()),
                        "Chained through " + ab.object() + ": " + ab.relation().code + " then " + bc.relation().code + ".",
                        null, null, List.of(), Vocab.DERIVED_SET, "", List.of(ab, bc), ab.object());
                chains.merge(key, chain, (old, neu) -> preference.compare(neu, old) < 0 ? neu : old);
            }
        }
        List<MappingRecord> derived = new ArrayList<>(inverses);
        derived.addAll(chains.values());
        return derived;
    }

    /** A chain is only as direct as its least direct step: functional < semantic < syntactic. */
    private static String weakerRationale(String a, String b) {
        List<String> order = List.of("functional", "semantic", "syntactic");
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    private static String pair(String a, String b) {
        return a + "\u0000" + b;
    }
}
