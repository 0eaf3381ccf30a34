package org.crosswalk.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.suggest.CandidateFile;
import org.crosswalk.suggest.Evaluation;
import org.crosswalk.suggest.RequirementText;
import org.crosswalk.suggest.Suggester;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code suggest} and {@code evaluate-suggestions}: Lucene-ranked mapping candidates and their measured quality. */
final class SuggestCommands {
    private SuggestCommands() {}

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = "Rank, for every requirement of SOURCE, the requirements of TARGET by text similarity (Lucene BM25) and write "
                    + "them as SSSOM candidate rows (semapv:LexicalSimilarityThresholdMatching, relation left to the reviewer).")
    static final class Suggest implements Callable<Integer> {
        @Mixin
        Session.DataOptions data = new Session.DataOptions();
        @Parameters(index = "0", description = "Source framework id") String source;
        @Parameters(index = "1", description = "Target framework id") String target;
        @Option(names = "-k", defaultValue = "5", description = "Candidates per source requirement (default: ${DEFAULT-VALUE})") int k;
        @Option(names = {"-o", "--output"}, description = "Output file (default: suggestions/<source>-<target>" + CandidateFile.SUFFIX + ")") Path output;
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (k < 1 || k > 50) throw new IllegalArgumentException("-k must be between 1 and 50");
            try (Session s = Session.open(data)) {
                RequirementIndex.Framework from = s.index.framework(source), to = s.index.framework(target);
                List<Suggester.Suggestion> list = Suggester.suggest(RequirementText.of(s.store, from.id()),
                        RequirementText.of(s.store, to.id()), k, Suggester.Mode.FULL);
                Path out = output != null ? output : Path.of("suggestions", CandidateFile.fileName(from.id(), to.id()));
                if (out.toAbsolutePath().getParent() != null) Files.createDirectories(out.toAbsolutePath().getParent());
                Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".suggest", ".part");
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    CandidateFile.write(list, from.id(), from.iri(), to.id(), to.iri(), o);
                }
                Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                PrintWriter w = spec.commandLine().getOut();
                w.printf("%d candidates for %d requirements of %s in %s: %s%n", list.size(),
                        list.stream().map(x -> x.source().iri()).distinct().count(), from.id(), to.id(), out);
                w.flush();
            }
            return 0;
        }
    }

    @Command(name = "evaluate-suggestions", mixinStandardHelpOptions = true,
            description = "Leave-one-set-out evaluation of the suggester against every curated set: P@1, P@5, R@10, MRR, "
                    + "beside a title-only baseline (a Markdown table).")
    static final class Evaluate implements Callable<Integer> {
        @Mixin
        Session.DataOptions data = new Session.DataOptions();
        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (Session s = Session.open(data)) {
                PrintWriter w = spec.commandLine().getOut();
                w.print(Evaluation.table(Evaluation.run(s.store, data.dirs.sources())));
                w.flush();
            }
            return 0;
        }
    }
}
