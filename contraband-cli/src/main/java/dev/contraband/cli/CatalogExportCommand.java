package dev.contraband.cli;

import dev.contraband.catalog.export.CatalogExport;
import dev.contraband.catalog.store.Store;
import dev.contraband.detect.Rule;
import dev.contraband.detect.name.DescriptionChecker;
import dev.contraband.scan.Detectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code contraband catalog export}: findings per image (JSON lines, SARIF) or the indicators as STIX 2.1. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = ContrabandCommand.Version.class,
        sortOptions = false,
        description = {"Exports a catalog store: jsonl (one schema-v1 report per image a line), sarif (one run per",
                "image), or stix (a STIX 2.1 bundle with one indicator per domain, IP, URL or wallet found).", ""})
final class CatalogExportCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "contraband-catalog.db",
            description = "The result store (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl, sarif or stix (default: ${DEFAULT-VALUE}).")
    CatalogExport.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public Integer call() {
        if (!db.startsWith("jdbc:") && !Files.exists(Path.of(db))) {
            System.err.println("contraband: catalog export: --db " + db + ": no such store");
            return ExitCodes.ERROR;
        }
        try (Store store = Store.open(db, 2); OutputStream out = CatalogReportCommand.open(output)) {
            List<Rule> rules = new ArrayList<>(Detectors.builtIn().rules());
            rules.addAll(DescriptionChecker.RULES); // repository-metadata findings: their titles and help in SARIF
            CatalogExport.write(store, format, rules, out);
            return ExitCodes.CLEAN;
        } catch (IOException e) {
            Errors.print(System.err, "catalog export", e, debug);
            return ExitCodes.ERROR;
        }
    }
}
