package dev.contraband.cli;

import dev.contraband.catalog.report.CatalogReportWriter;
import dev.contraband.catalog.report.CatalogStats;
import dev.contraband.catalog.store.Store;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code contraband catalog report}: the study's tables and charts over a store. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = ContrabandCommand.Version.class,
        sortOptions = false,
        description = {"Reports over a catalog store: images by verdict, per category, malicious images per namespace",
                "(and its histogram), top indicators, top impersonated images, layer reuse. JSON shape: docs/catalog.md.", ""})
final class CatalogReportCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "PATH|JDBC-URL", defaultValue = "contraband-catalog.db",
            description = "The result store (default: ${DEFAULT-VALUE}).")
    String db;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, csv or html (one self-contained file with SVG charts) (default: ${DEFAULT-VALUE}).")
    CatalogReportWriter.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = "--top", paramLabel = "N", defaultValue = "25", description = "Rows of each top list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        if (!db.startsWith("jdbc:") && !Files.exists(Path.of(db))) {
            System.err.println("contraband: catalog report: --db " + db + ": no such store");
            return ExitCodes.ERROR;
        }
        try (Store store = Store.open(db, 2)) {
            CatalogStats stats = CatalogStats.of(store, top);
            try (OutputStream out = open(output)) {
                CatalogReportWriter.write(stats, format, out);
            }
            return ExitCodes.CLEAN;
        } catch (IOException e) {
            Errors.print(System.err, "catalog report", e, debug);
            return ExitCodes.ERROR;
        }
    }

    static OutputStream open(Path output) throws IOException {
        if (output == null) {
            return new java.io.FilterOutputStream(System.out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        return new BufferedOutputStream(Files.newOutputStream(output));
    }
}
