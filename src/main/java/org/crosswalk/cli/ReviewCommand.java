package org.crosswalk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.crosswalk.suggest.Review;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code review accept|reject SOURCE TARGET …}: a reviewer's decision on one suggestion. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Accept (as suggested, or with --suggested naming the suggestion you edited) or reject a suggestion of "
                + "suggestions/<source>-<target>.candidates.sssom.tsv. Accepted rows are appended to mappings/<source>-<target>.sssom.tsv "
                + "with you as author_id; every decision is logged in suggestions/<source>-<target>.decisions.tsv.")
final class ReviewCommand implements Callable<Integer> {
    @Mixin
    Session.DataOptions data = new Session.DataOptions();
    @Parameters(index = "0", description = "accept or reject") String action;
    @Parameters(index = "1", description = "Source framework id") String source;
    @Parameters(index = "2", description = "Target framework id") String target;
    @Option(names = "--subject", required = true) String subject;
    @Option(names = "--object", required = true, description = "The target you map to") String object;
    @Option(names = "--suggested", description = "The suggestion's target, when you map to another one (an edit)") String suggested;
    @Option(names = "--relation", description = "equal, subset-of, superset-of, intersects-with, no-relationship") String relation;
    @Option(names = "--rationale", description = "syntactic, semantic, functional") String rationale;
    @Option(names = "--strength", description = "0-10 (equal 10, no-relationship 0)") Integer strength;
    @Option(names = "--reason", required = true, description = "One sentence, your own words, saying why") String reason;
    @Option(names = "--reviewer", required = true, description = "Your short name, recorded as cwagent:<name>") String reviewer;
    @Option(names = "--suggestions", defaultValue = "${sys:crosswalk.home:-.}/suggestions", description = "Suggestions directory (default: ${DEFAULT-VALUE})") Path suggestions;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Review.Verdict asked = switch (action) {
            case "accept" -> Review.Verdict.ACCEPTED;
            case "reject" -> Review.Verdict.REJECTED;
            default -> throw new IllegalArgumentException("action '" + action + "': accept or reject");
        };
        try (Session s = Session.open(data)) {
            Review.Outcome o = new Review(data.dirs.sources(), suggestions).decide(s.index, source, target, asked,
                    new Review.Decision(subject, object, suggested, relation, rationale, strength, reason, reviewer));
            PrintWriter w = spec.commandLine().getOut();
            if (o.graph() == null) w.println("rejected: logged");
            else w.printf("%s: %s:%d; data valid, %d curated + %d derived mappings%n", o.verdict().name().toLowerCase(), o.file(), o.line(),
                    o.graph().curatedMappings(), o.graph().derivedMappings());
            w.flush();
        }
        return 0;
    }
}
