package org.crosswalk.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.sys.JenaSystem;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.HoldingsCsv;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.NamedQueryCalls.QueryTable;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.export.Exports.ReportFormat;
import org.crosswalk.export.GraphExport;
import org.crosswalk.export.TableExport;
import org.crosswalk.graph.DataSources;
import org.crosswalk.graph.DataValidationException;
import org.crosswalk.graph.GraphBuilder;
import org.crosswalk.graph.GraphBuilder.BuiltGraph;
import org.crosswalk.queries.NamedQuery;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command line: validate the data, run a named query, compute coverage and gaps from a profile, and
 * export mapping sets, reports and the graph. Same parts as the service, no Spring, no server.
 * Run from the project root: {@code mvn -q compile exec:exec -Dcli="validate"}.
 */
@Command(name = "crosswalk", mixinStandardHelpOptions = true, version = "crosswalk 0.1.0",
        description = "Crosswalk: AI-governance frameworks and the mappings between them.",
        subcommands = {CrosswalkCli.Validate.class, CrosswalkCli.Query.class, CrosswalkCli.Coverage.class,
                CrosswalkCli.Gaps.class, CrosswalkCli.Export.class, ImportFrameworkCommand.class,
                SuggestCommands.Suggest.class, SuggestCommands.Evaluate.class, ReviewCommand.class, AdminCommand.class})
public final class CrosswalkCli {
    static {
        // Before any logger exists: the CLI's own logging setup (warnings on stderr, stdout kept for results).
        if (System.getProperty("logback.configurationFile") == null) System.setProperty("logback.configurationFile", "logback-cli.xml");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command and returns its exit code (main exits with it). */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** --mkdirs on any command: create a missing output directory (refused otherwise). */
    @Option(names = "--mkdirs", scope = CommandLine.ScopeType.INHERIT, description = "Create the output file's directory if it does not exist (refused otherwise)")
    void mkdirs(boolean value) {
        Output.mkdirs = value;
    }

    /** Runs a command with its text output and errors sent to the given writers (tests read them). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        JenaSystem.init();
        Output.mkdirs = false;
        CommandLine cl = new CommandLine(new CrosswalkCli()).setOut(out).setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // Errors the user can act on, one line each, no stack trace.
            cmd.getErr().println(cmd.getColorScheme().errorText(message(e)));
            return e instanceof DataValidationException ? 1 : 2;
        });
        // A mistyped option or argument: one line saying what and where to look, not the whole usage text.
        cl.setParameterExceptionHandler((e, params) -> {
            CommandLine cmd = e.getCommandLine();
            String suggestion = "";
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                suggestion = "; did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?";
            }
            cmd.getErr().println(cmd.getColorScheme().errorText(e.getMessage().strip() + suggestion
                    + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)"));
            return 2;
        });
        return cl.execute(args);
    }

    /** One line for an error a user can act on: which file, which id, the closest valid ones. */
    static String message(Exception e) {
        return switch (e) {
            case DataValidationException d -> String.join(System.lineSeparator(), d.problems());
            case org.crosswalk.imports.ImportException i -> String.join(System.lineSeparator(), i.problems())
                    + System.lineSeparator() + "Nothing was stored.";
            case UnknownIdException u -> unknown(u);
            case InvalidInputException i -> i.getMessage();
            case IllegalArgumentException i -> i.getMessage();
            case java.nio.file.NoSuchFileException n -> n.getFile() + ": no such file (in " + Path.of("").toAbsolutePath() + ")";
            case java.nio.file.AccessDeniedException a -> a.getFile() + ": permission denied";
            case java.nio.file.FileSystemException f -> f.getFile() + ": " + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
            case java.io.UncheckedIOException u when u.getCause() != null -> message(u.getCause());
            case IOException io -> "I/O error: " + io.getMessage();
            default -> e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    }

    /** "Unknown mapping set 'iso42001-eu-aiact'; closest: iso42001-eu-ai-act": the valid ids nearest by edit distance. */
    static String unknown(UnknownIdException u) {
        var distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        String given = u.given() == null ? "" : u.given();
        List<String> closest = u.closest().stream().distinct()
                .sorted(java.util.Comparator.comparingInt((String c) -> distance.apply(given.toLowerCase(), c.toLowerCase())).thenComparing(c -> c))
                .limit(3).toList();
        return "Unknown " + u.kind() + " '" + given + "'" + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest));
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the data directories: Turtle syntax, SHACL shapes, mapping integrity. "
            + "Prints file:line for every problem and exits 1 when there is one.")
    static final class Validate implements Callable<Integer> {
        @Mixin
        Session.DataDirs dirs = new Session.DataDirs();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            DataSources sources = dirs.sources();
            BuiltGraph g;
            try (Progress p = Progress.start("Validating", 1)) {
                g = GraphBuilder.build(sources);
                p.step("done");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("valid: %d Turtle files, %d mapping sets, %d triples, %d curated + %d derived mappings, data version %s%n",
                    sources.turtleFiles().size(), sources.mappingFiles().size(), g.model().size(), g.curatedMappings(),
                    g.derivedMappings(), g.version().substring(0, 16));
            out.flush();
            return 0;
        }
    }

    @Command(name = "query", mixinStandardHelpOptions = true, description = "Run a named query of queries/ with typed parameters.")
    static final class Query implements Callable<Integer> {
        @Mixin
        Session.DataOptions data = new Session.DataOptions();
        @Parameters(index = "0", description = "Query name (e.g. coverage, gaps, crosswalk, search)")
        String name;
        @Option(names = {"-p", "--param"}, description = "name=value (repeat; list values comma-separated)")
        Map<String, String> params = new LinkedHashMap<>();
        @Option(names = {"-f", "--format"}, defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
        String format;
        @Option(names = {"-o", "--output"}, description = "Output file (default: standard output)")
        Path output;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(data)) {
                NamedQuery q = s.runner.library().get(name).orElseThrow(() -> new UnknownIdException(Thing.NAMED_QUERY, name,
                        s.runner.library().all().stream().map(NamedQuery::name).toList()));
                Map<String, List<String>> raw = new LinkedHashMap<>();
                params.forEach((k, v) -> raw.put(k, List.of(v)));
                QueryTable t = s.calls.run(q, raw);
                try (Output o = Output.open(output)) {
                    OutputStream out = o.stream();
                    switch (format) {
                        case "csv" -> TableExport.csv(t, out);
                        case "json" -> out.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsBytes(t.rows()));
                        case "table" -> out.write(TextTable.render(t.csvHeader(), t.csvRows()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        default -> throw new IllegalArgumentException("unknown format '" + format + "' (table, csv, json)");
                    }
                    o.commit();
                }
            }
            return 0;
        }
    }

    /** The organisation profile and the filters, shared by coverage and gaps. */
    static final class ReportOptions {
        @Option(names = "--profile", description = "Profile CSV with columns framework,requirement,status (evidence rows: framework 'evidence')")
        Path profile;
        @Option(names = "--source", description = "Framework satisfied as a whole (default without --profile: iso42001)")
        String source;
        @Option(names = {"-t", "--target"}, defaultValue = "eu-ai-act", split = ",", description = "Target framework(s) (default: ${DEFAULT-VALUE})")
        List<String> targets = new ArrayList<>();
        @Option(names = "--role", description = "EU AI Act role: provider, deployer, importer, distributor, authorised-representative, gpai-provider")
        String role;
        @Option(names = "--system", description = "EU AI Act system class: prohibited, high-risk, transparency, gpai, gpai-systemic")
        String system;
        @Option(names = "--as-of", description = "The law as it stands on this date (YYYY-MM-DD; default: today): provision versions in force, obligations applying")
        String asOf;
        @Option(names = {"-f", "--format"}, description = "csv, xlsx or json (default: from the output file's extension, else csv)")
        String format;
        @Option(names = {"-o", "--output"}, description = "Report file (default: standard output)")
        Path output;

        Holdings holdings() throws IOException {
            if (profile == null) return Holdings.wholeFramework(source == null ? "iso42001" : source);
            return HoldingsCsv.parse(Files.readString(profile), source);
        }

        ReportFormat format() {
            return ReportFormat.of(formatOf(format, output, "csv"));
        }
    }

    @Command(name = "coverage", mixinStandardHelpOptions = true, description = "Coverage of target frameworks by a profile or a whole framework (full / partial / none, with reasons).")
    static final class Coverage implements Callable<Integer> {
        @Mixin
        Session.DataOptions data = new Session.DataOptions();
        @Mixin
        ReportOptions report = new ReportOptions();

        @Override
        public Integer call() throws IOException {
            Holdings h = report.holdings();
            try (Session s = Session.open(data); Output o = Output.open(report.output)) {
                s.exports.coverage(h, report.targets, new Filters(report.role, report.system, report.asOf), report.format(), o.stream());
                o.commit();
            }
            return 0;
        }
    }

    @Command(name = "gaps", mixinStandardHelpOptions = true, description = "Requirements of target frameworks left uncovered (with the reason when the frameworks explicitly do not overlap).")
    static final class Gaps implements Callable<Integer> {
        @Mixin
        Session.DataOptions data = new Session.DataOptions();
        @Mixin
        ReportOptions report = new ReportOptions();
        @Option(names = "--include-partial", description = "Also list partially covered requirements")
        boolean includePartial;

        @Override
        public Integer call() throws IOException {
            Holdings h = report.holdings();
            try (Session s = Session.open(data); Output o = Output.open(report.output)) {
                s.exports.gaps(h, report.targets, new Filters(report.role, report.system, report.asOf), includePartial, report.format(), o.stream());
                o.commit();
            }
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a mapping set (sssom, oscal), a framework as an OSCAL catalog (catalog), a crosswalk table (csv, xlsx, json) or the graph (ttl, jsonld).")
    static final class Export implements Callable<Integer> {
        @Mixin
        Session.DataOptions data = new Session.DataOptions();
        @Parameters(index = "0", description = "What: sssom, oscal, catalog, crosswalk, graph, or list (the mapping sets)")
        String what;
        @Parameters(index = "1", arity = "0..1", description = "Mapping set, e.g. iso42001-eu-ai-act (sssom, oscal, crosswalk); framework, e.g. eu-ai-act (catalog)")
        String pair;
        @Option(names = {"-f", "--format"}, description = "crosswalk: csv, xlsx, json; graph: ttl, jsonld (default: from the output file's extension)")
        String format;
        @Option(names = "--framework", description = "graph: only this framework (with the mappings touching it)")
        String framework;
        @Option(names = {"-o", "--output"}, description = "Output file (default: standard output)")
        Path output;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try (Session s = Session.open(data)) {
                if (what.equals("list")) {
                    PrintWriter w = spec.commandLine().getOut();
                    s.exports.pairs().forEach(p -> w.printf("%-28s %4d curated %5d derived%n", p.id(), p.curated(), p.derived()));
                    w.flush();
                    return 0;
                }
                try (Progress p = Progress.start("Exporting", 1); Output o = Output.open(output)) {
                    OutputStream out = o.stream();
                    switch (what) {
                        case "sssom" -> s.exports.sssom(required(pair), out);
                        case "oscal" -> s.exports.oscal(required(pair), out);
                        case "catalog" -> {
                            if (pair == null) throw new IllegalArgumentException("name the framework, e.g. eu-ai-act (one of: "
                                    + String.join(", ", s.exports.catalogs()) + ")");
                            s.exports.oscalCatalog(pair, out);
                        }
                        case "crosswalk" -> s.exports.crosswalk(required(pair), ReportFormat.of(formatOf(format, output, "csv")), out);
                        case "graph" -> s.exports.graph(framework, GraphExport.Format.of(formatOf(format, output, "ttl")), true, out);
                        default -> throw new IllegalArgumentException("unknown export '" + what + "' (sssom, oscal, catalog, crosswalk, graph, list)");
                    }
                    o.commit();
                    p.step(what);
                }
            }
            return 0;
        }

        private String required(String pairId) {
            if (pairId == null) throw new IllegalArgumentException("name the mapping set, e.g. iso42001-eu-ai-act (see: export list)");
            return pairId;
        }

    }

    /** The format asked for, else the output file's extension, else {@code fallback}. */
    static String formatOf(String format, Path output, String fallback) {
        if (format != null) return format;
        String name = output == null ? "" : output.getFileName().toString();
        return name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : fallback;
    }
}
