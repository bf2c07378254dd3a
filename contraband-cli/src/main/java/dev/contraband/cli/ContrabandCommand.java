package dev.contraband.cli;

import dev.contraband.report.ToolInfo;
import picocli.CommandLine.Command;

/** {@code contraband}: the top-level command, which only holds the others. */
@Command(name = "contraband",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        description = {
                "Inspects container images for what must not be in them: cryptominers, embedded secrets,",
                "malicious network indicators, backdoors and run-time downloaders, hacking tools and",
                "impostor names. Layers are streamed once, never written to disk, never executed.",
                ""},
        subcommands = {ScanCommand.class, CatalogCommand.class, FeedsCommand.class, NameCheckCommand.class, NamesCommand.class, DemoCommand.class,
                TrainingCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"",
                "Examples:",
                "  contraband demo                                  build three sample images and scan them",
                "  contraband scan docker-archive:app.tar           an image saved by `docker save`",
                "  contraband scan oci:layout:latest --format sarif an OCI layout, SARIF for code scanning",
                "  contraband name-check libary/nginx node-js       does a name pose as a trusted image?",
                "",
                "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 the scan could not be done."})
final class ContrabandCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{ToolInfo.NAME + " " + ToolInfo.version(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
