package org.crosswalk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * Derivation is sound by set theory. Each random trial gives every requirement of three random
 * frameworks a real set of "duties"; curated mappings state the true relation between two sets (and
 * only some pairs are curated); derivation must then only ever state relations that are true of the
 * sets. The seed is the repetition number, so a failure is reproducible.
 */
class MappingDerivationPropertyTest {

    record Universe(Map<String, BitSet> sets, Map<String, String> framework) {}

    static Universe randomUniverse(Random rnd) {
        Map<String, BitSet> sets = new HashMap<>();
        Map<String, String> framework = new HashMap<>();
        for (String f : List.of("A", "B", "C")) {
            for (int i = 0; i < 6; i++) {
                BitSet s = new BitSet();
                int size = 1 + rnd.nextInt(6);
                int start = rnd.nextInt(10);
                for (int k = 0; k < size; k++) if (rnd.nextInt(3) > 0) s.set(start + rnd.nextInt(8));
                if (s.isEmpty()) s.set(start);
                String id = f + i;
                sets.put(id, s);
                framework.put(id, f);
            }
        }
        // Make equal, subset and superset relations common rather than accidental.
        List<String> ids = new ArrayList<>(sets.keySet());
        for (int k = 0; k < 6; k++) {
            String a = ids.get(rnd.nextInt(ids.size())), b = ids.get(rnd.nextInt(ids.size()));
            BitSet copy = (BitSet) sets.get(a).clone();
            if (rnd.nextBoolean()) copy.set(20 + rnd.nextInt(5));
            sets.put(b, copy);
        }
        return new Universe(sets, framework);
    }

    /** The true NIST IR 8477 relation of a to b. */
    static Relation truth(BitSet a, BitSet b) {
        BitSet inter = (BitSet) a.clone();
        inter.and(b);
        if (inter.isEmpty()) return Relation.NO_RELATIONSHIP;
        if (a.equals(b)) return Relation.EQUAL;
        if (inter.equals(a)) return Relation.SUBSET_OF;
        if (inter.equals(b)) return Relation.SUPERSET_OF;
        return Relation.INTERSECTS_WITH;
    }

    static int strengthFor(Relation r, Random rnd) {
        return switch (r) {
            case EQUAL -> 10;
            case NO_RELATIONSHIP -> 0;
            default -> 1 + rnd.nextInt(9);
        };
    }

    @RepeatedTest(200)
    void everyDerivedMappingIsTrueOfTheSets(RepetitionInfo info) {
        Random rnd = new Random(info.getCurrentRepetition());
        Universe u = randomUniverse(rnd);
        List<String> ids = new ArrayList<>(u.sets().keySet());
        ids.sort(null);
        List<MappingRecord> curated = new ArrayList<>();
        for (String a : ids) {
            for (String b : ids) {
                if (u.framework().get(a).compareTo(u.framework().get(b)) >= 0 || rnd.nextInt(3) != 0) continue;
                Relation r = truth(u.sets().get(a), u.sets().get(b));
                curated.add(new MappingRecord(a, r, b, "semapv:ManualMappingCuration", "semantic", strengthFor(r, rnd),
                        "c", null, null, List.of(), "set", "f:" + curated.size(), List.of(), null));
            }
        }
        List<MappingRecord> derived = MappingDerivation.derive(curated, u.framework()::get);
        for (MappingRecord d : derived) {
            Relation actual = truth(u.sets().get(d.subject()), u.sets().get(d.object()));
            if (d.relation() == Relation.INTERSECTS_WITH) {
                assertThat(actual).as("%s %s %s", d.subject(), d.relation(), d.object()).isNotEqualTo(Relation.NO_RELATIONSHIP);
            } else {
                assertThat(actual).as("%s %s %s via %s", d.subject(), d.relation(), d.object(), d.via()).isEqualTo(d.relation());
            }
            if (d.via() != null) {
                MappingRecord first = d.derivedFrom().get(0), second = d.derivedFrom().get(1);
                assertThat(first.relation().compose(second.relation())).contains(d.relation());
                assertThat(d.strength()).isEqualTo(Math.min(first.strength(), second.strength()));
                assertThat(first.object()).isEqualTo(d.via()).isEqualTo(second.subject());
            }
        }
    }

    @Test
    void curatedMappingsAreNeverOverriddenAndEveryPairGetsBothDirections() {
        MappingRecord ab = new MappingRecord("A1", Relation.SUBSET_OF, "B1", "m", "semantic", 5, "c", null, null, List.of(), "s", "f:1", List.of(), null);
        MappingRecord ba = new MappingRecord("B1", Relation.INTERSECTS_WITH, "A1", "m", "semantic", 4, "c", null, null, List.of(), "s", "f:2", List.of(), null);
        MappingRecord bc = new MappingRecord("B1", Relation.SUBSET_OF, "C1", "m", "semantic", 7, "c", null, null, List.of(), "s", "f:3", List.of(), null);
        Map<String, String> fw = Map.of("A1", "A", "B1", "B", "C1", "C");
        List<MappingRecord> derived = MappingDerivation.derive(List.of(ab, ba, bc), fw::get);
        assertThat(derived).noneMatch(d -> d.subject().equals("B1") && d.object().equals("A1"));
        assertThat(derived).noneMatch(d -> d.subject().equals("A1") && d.object().equals("B1"));
        assertThat(derived).anyMatch(d -> d.subject().equals("C1") && d.object().equals("B1") && d.relation() == Relation.SUPERSET_OF);
        assertThat(derived).anyMatch(d -> d.subject().equals("A1") && d.object().equals("C1")
                && d.relation() == Relation.SUBSET_OF && d.strength() == 5 && "B1".equals(d.via()));
        assertThat(Relation.INTERSECTS_WITH.compose(Relation.EQUAL)).contains(Relation.INTERSECTS_WITH);
        assertThat(Relation.INTERSECTS_WITH.compose(Relation.SUBSET_OF)).isEmpty();
        assertThat(Relation.SUBSET_OF.compose(Relation.SUPERSET_OF)).isEmpty();
        assertThat(Relation.EQUAL.compose(Relation.SUPERSET_OF)).contains(Relation.SUPERSET_OF);
    }
}
