package org.crosswalk.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.sparql.engine.Timeouts;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The time budget handed to Fuseki must be one Fuseki can read: it parses the {@code timeout} parameter
 * with {@link Timeouts#parseTimeoutStr} in whole seconds, and a value it cannot read is dropped with a
 * warning (the budget from arrival is then lost and only the configured timeout applies).
 */
class QueryAdmissionTest {

    private static long fusekiReads(String clientTimeout, double secondsLeft) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/crosswalk/sparql");
        request.setParameter("query", "ASK {}");
        if (clientTimeout != null) request.setParameter("timeout", clientTimeout);
        long deadline = System.nanoTime() + (long) (secondsLeft * 1e9);
        var admitted = new QueryAdmission.Admitted(request, new byte[0], null, deadline);
        String timeout = admitted.getParameter("timeout");
        Pair<Long, Long> parsed = Timeouts.parseTimeoutStr(timeout, TimeUnit.SECONDS);
        assertThat(parsed).as("Fuseki's own parser reads timeout=%s", timeout).isNotNull();
        assertThat(admitted.getParameterMap().get("timeout")).containsExactly(timeout);
        return parsed.getRight(); // one number: the overall timeout, in milliseconds
    }

    @Test
    void theBudgetLeftIsGivenInWholeSecondsRoundedUp() {
        assertThat(fusekiReads(null, 3.7)).isEqualTo(4_000);
        assertThat(fusekiReads(null, 1.99)).as("a 2 s budget stays 2 s").isEqualTo(2_000);
        assertThat(fusekiReads(null, -0.5)).as("never below Fuseki's smallest unit").isEqualTo(1_000);
    }

    @Test
    void aClientsTimeoutCanShortenTheBudgetButNotLengthenIt() {
        assertThat(fusekiReads("10", 3.7)).isEqualTo(4_000);
        assertThat(fusekiReads("1", 3.7)).isEqualTo(1_000);
        assertThat(fusekiReads("1.5", 3.7)).isEqualTo(2_000);
        assertThat(fusekiReads("bogus", 3.7)).isEqualTo(4_000);
        assertThat(fusekiReads("1,5", 3.7)).isEqualTo(4_000);
    }

    @Test
    void aClientsZeroOrNegativeTimeoutMeansOursNotOneSecond() {
        assertThat(fusekiReads("0", 3.7)).isEqualTo(4_000);
        assertThat(fusekiReads("-1", 3.7)).isEqualTo(4_000);
        assertThat(fusekiReads("NaN", 3.7)).isEqualTo(4_000);
    }
}
