package org.crosswalk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.crosswalk.imports.FrameworkImporter;
import org.springframework.util.unit.DataSize;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import-framework FILE --id … --version …}: an OSCAL catalog or a CSV becomes a framework like the built-in ones. */
@Command(name = "import-framework", mixinStandardHelpOptions = true,
        description = "Import a framework from an OSCAL 1.x catalog (JSON or XML) or a CSV (id, parent_id, title, text). "
                + "It is validated with the SHACL shapes and stored as <ontology>/" + FrameworkImporter.IMPORTED_DIR + "/<id>.ttl; "
                + "every problem is printed as file:line or file#/json/pointer and nothing is stored.")
final class ImportFrameworkCommand implements Callable<Integer> {
    @Mixin
    Session.DataDirs dirs = new Session.DataDirs();
    @Parameters(index = "0", description = "The catalogue: .json, .xml (OSCAL catalog) or .csv")
    Path file;
    @Option(names = "--id", required = true, description = "Short id of the new framework (lower case, digits, hyphens), e.g. nist-sp-800-53")
    String id;
    @Option(names = "--version", required = true, description = "Its edition, part of every requirement IRI, e.g. 5.1.1")
    String version;
    @Option(names = "--title", description = "Its title (default: the OSCAL catalog's title; required for CSV)")
    String title;
    @Option(names = "--source", description = "IRI of the published source (default: the OSCAL catalog's urn:uuid, or the CSV's urn:sha256)")
    String source;
    @Option(names = "--max-size", defaultValue = "32MB", description = "Refuse larger files (default: ${DEFAULT-VALUE})")
    String maxSize;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        FrameworkImporter importer = new FrameworkImporter(dirs.sources(), DataSize.parse(maxSize).toBytes());
        FrameworkImporter.Result r;
        try (Progress p = Progress.start("Importing", 7)) {
            r = importer.importFile(file, new FrameworkImporter.Options(id, title, version, source), p::step);
            p.step("done");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("imported %s: %d requirements (%d top-level, %d with text) as %s; data version %s%n", r.id(), r.requirements(),
                r.topConcepts(), r.withText(), dirs.sources().displayName(r.file()), r.graph().version().substring(0, 16));
        out.flush();
        return 0;
    }
}
