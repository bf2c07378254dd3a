package dev.contraband.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code contraband catalog}: whole registries and lists of images into a result store, then reports over it. */
@Command(name = "catalog",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        description = {
                "Scans many images — a registry's _catalog, a Docker Hub namespace, or a list — into a result store",
                "(SQLite file or PostgreSQL), each unique layer once, resumable after a crash; then reports and",
                "exports over the store. See docs/catalog.md.",
                ""},
        subcommands = {CatalogScanCommand.class, CatalogReportCommand.class, CatalogExportCommand.class},
        footer = {"",
                "Examples:",
                "  contraband catalog scan --registry 127.0.0.1:5000 --prefix team/ --db study.db",
                "  contraband catalog scan --list images.txt --tags 3 --db jdbc:postgresql://db/study?user=u",
                "  contraband catalog report --db study.db --format html -o study.html",
                "  contraband catalog export --db study.db --format stix -o iocs.json"})
final class CatalogCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
