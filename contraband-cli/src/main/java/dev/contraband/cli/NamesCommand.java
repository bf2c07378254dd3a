package dev.contraband.cli;

import dev.contraband.detect.name.ReferenceFiles;
import dev.contraband.detect.name.ReferenceSet;
import dev.contraband.detect.name.ReferenceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code contraband names}: shows, replaces and resets the reference set impostor names are judged against. */
@Command(name = "names",
        mixinStandardHelpOptions = true,
        versionProvider = ContrabandCommand.Version.class,
        description = {
                "Shows, replaces or resets the reference set impostor names are judged against.",
                "",
                "The set holds the Docker Hub official images and the namespaces of well-known publishers",
                "with their main repositories. contraband ships one;",
                "`names update` installs your own copy in $XDG_DATA_HOME/contraband/ (or",
                "~/.local/share/contraband/), which then wins over the built-in set.",
                ""},
        subcommands = {NamesCommand.Show.class, NamesCommand.Update.class, NamesCommand.Reset.class},
        footer = {"",
                "Examples:",
                "  contraband names show                        where the set comes from, and its size",
                "  contraband names show --full > names.txt     export it, to edit",
                "  contraband names update --from names.txt     install the edited copy",
                "  contraband names reset                       back to the built-in set"})
final class NamesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = ContrabandCommand.Version.class,
            description = "Prints where the reference set comes from and its size; with --full, the whole set in "
                    + "the format `names update` reads.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--full", description = "Print the whole set.")
        boolean full;

        @Option(names = "--debug", description = "Print stack traces of errors.")
        boolean debug;

        @Override
        public Integer call() {
            ReferenceStore store = ReferenceStore.standard();
            try {
                ReferenceSet set = store.load();
                if (full) {
                    System.out.print(ReferenceFiles.format(set));
                } else {
                    System.out.println("reference names: " + set.origin());
                    System.out.println("  " + set.officialImages().size() + " official images, "
                            + set.publishers().size() + " publisher namespaces with " + set.repositoryCount()
                            + " main repositories");
                    System.out.println("  user copy: " + store.userFile() + (store.hasUserCopy() ? "" : " (none)"));
                }
                return ExitCodes.CLEAN;
            } catch (IOException e) {
                Errors.print(System.err, store.userFile().toString(), e, debug);
                return ExitCodes.ERROR;
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, versionProvider = ContrabandCommand.Version.class,
            description = {"Replaces the reference set with the one in FILE: an [official-images] section",
                    "(NAME [ALIAS...] a line) and a [verified-publishers] section (NAMESPACE [REPOSITORY...]",
                    "a line), as `names show --full` prints it. The file is checked before it is installed."},
            footer = {"", "Example:", "  contraband names show --full > names.txt && $EDITOR names.txt",
                    "  contraband names update --from names.txt"})
    static final class Update implements Callable<Integer> {
        @Option(names = "--from", paramLabel = "FILE", required = true, description = "The new reference set.")
        Path from;

        @Option(names = "--debug", description = "Print stack traces of errors.")
        boolean debug;

        @Override
        public Integer call() {
            ReferenceStore store = ReferenceStore.standard();
            try {
                ReferenceSet set = store.install(from);
                System.out.println("installed " + set.officialImages().size() + " official images and "
                        + set.publishers().size() + " publisher namespaces (" + set.repositoryCount()
                        + " repositories) to " + store.userFile());
                return ExitCodes.CLEAN;
            } catch (IOException e) {
                Errors.print(System.err, from.toString(), e, debug);
                return ExitCodes.ERROR;
            }
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, versionProvider = ContrabandCommand.Version.class,
            description = "Removes the installed copy, so the built-in reference set is used again.")
    static final class Reset implements Callable<Integer> {
        @Option(names = "--debug", description = "Print stack traces of errors.")
        boolean debug;

        @Override
        public Integer call() {
            ReferenceStore store = ReferenceStore.standard();
            try {
                System.out.println(store.reset() ? "removed " + store.userFile() + "; using the built-in names"
                        : "no user copy at " + store.userFile() + "; already using the built-in names");
                return ExitCodes.CLEAN;
            } catch (IOException e) {
                Errors.print(System.err, store.userFile().toString(), e, debug);
                return ExitCodes.ERROR;
            }
        }
    }
}
