package org.crosswalk.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.junit.jupiter.api.Test;

/**
 * Binding copies the library's parsed template: a binding never leaks into the template or into the
 * next binding, and the result is the same query a fresh parse of the file would give.
 */
class ParameterBinderTest {

    private final NamedQueryLibrary library = NamedQueryLibrary.load(Path.of("queries"));

    @Test
    void aBindingLeavesTheTemplateAndTheNextBindingUntouched() {
        NamedQuery coverage = library.require("coverage");
        String template = coverage.query().serialize();
        Node control = NodeFactory.createURI("https://w3id.org/crosswalk/iso42001/A.6.2.4");

        Query first = ParameterBinder.bind(coverage, Map.of(
                "satisfied", List.of(control), "source", List.of(), "role", List.of(NodeFactory.createLiteralString("provider"))));
        Query second = ParameterBinder.bind(coverage, Map.of());

        assertThat(first.serialize()).contains("A.6.2.4").contains("\"provider\"");
        assertThat(coverage.query().serialize()).isEqualTo(template);
        assertThat(second.serialize()).doesNotContain("A.6.2.4").isEqualTo(QueryFactory.create(coverage.text()).serialize());
    }

    @Test
    void everyNamedQueryBoundWithItsDefaultsIsTheFileAsParsed() {
        for (NamedQuery q : library.all()) {
            assertThat(ParameterBinder.bind(q, Map.of()).serialize()).as(q.name())
                    .isEqualTo(QueryFactory.create(q.text()).serialize());
        }
    }

    @Test
    void concurrentBindingsDoNotMixValues() throws Exception {
        NamedQuery crosswalk = library.require("crosswalk");
        String[] ids = {"A.2.2", "A.5.2", "A.6.2.4", "A.7.4", "A.9.2", "6.1.2", "8.4", "10.2"};
        Thread[] threads = new Thread[ids.length];
        String[] bound = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int n = i;
            threads[i] = Thread.ofPlatform().start(() -> {
                for (int k = 0; k < 200; k++) {
                    bound[n] = ParameterBinder.bind(crosswalk, Map.of("requirement",
                            List.of(NodeFactory.createURI("https://w3id.org/crosswalk/iso42001/" + ids[n])))).serialize();
                }
            });
        }
        for (Thread t : threads) t.join();
        for (int i = 0; i < ids.length; i++) {
            String own = ids[i];
            String text = bound[i];
            assertThat(text).contains("/iso42001/" + own + ">");
            assertThat(Arrays.stream(ids).filter(o -> !o.equals(own) && text.contains("/iso42001/" + o + ">"))).isEmpty();
        }
    }
}
