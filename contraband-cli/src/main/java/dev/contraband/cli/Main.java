package dev.contraband.cli;

import dev.contraband.scan.Family;
import picocli.CommandLine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The entry point: the only place that calls {@link System#exit}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Loads the Hyperscan natives and compiles the built-in secret rules on a second core while the first parses
     * the command line and reads the image's manifests: a few hundred milliseconds off every scan's wall time.
     * Class initialisation is thread-safe, so whoever needs them first simply waits for this.
     */
    private static void warmUp(String... args) {
        Set<Family> families = scanners(args);
        if (families.contains(Family.SECRET)) {
            Thread.ofPlatform().daemon().name("warm-up").start(() -> {
                try {
                    dev.contraband.detect.secret.SecretRuleSet.builtIn();
                } catch (RuntimeException | Error ignored) {
                    // the scan itself will meet and report the same failure
                }
            });
        }
        if (!families.contains(Family.MINER) && !families.contains(Family.NETWORK)) {
            return;
        }
        // The miner engine and the built-in feeds likewise (only for scans: picocli builds every command's options,
        // so warming up from an options class would tax --version and name-check too).
        Thread.ofPlatform().daemon().name("warm-up-indicators").start(() -> {
            try {
                dev.contraband.detect.miner.MinerFileDetector.prepare();
                dev.contraband.detect.network.NetworkFileDetector.prepare(dev.contraband.feed.FeedSet.builtIn());
            } catch (RuntimeException | Error ignored) {
                // the scan itself will meet and report the same failure
            }
        });
    }

    /**
     * The families {@code --scanners} names, so a scan of some warms up only what they use; every family when the
     * option is absent or wrong (picocli reports a wrong one once it parses the command line).
     */
    private static Set<Family> scanners(String... args) {
        for (int i = 0; i < args.length; i++) {
            String value = args[i].startsWith("--scanners=") ? args[i].substring("--scanners=".length())
                    : args[i].equals("--scanners") && i + 1 < args.length ? args[i + 1] : null;
            if (value != null) {
                try {
                    return Family.parse(List.of(value.split(",")));
                } catch (IllegalArgumentException e) {
                    break;
                }
            }
        }
        return EnumSet.allOf(Family.class);
    }

    /** Runs the command line and returns its exit code (0 clean, 1 findings, 2 could not scan). */
    public static int run(String... args) {
        if (args.length > 0 && (args[0].equals("scan") || args[0].equals("demo") || args[0].equals("catalog"))) {
            warmUp(args);
        }
        CommandLine cli = new CommandLine(new ContrabandCommand());
        cli.setUsageHelpWidth(100);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("contraband: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCodes.ERROR;
        });
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean debug = parsed.hasMatchedOption("--debug");
            if (e instanceof java.io.UncheckedIOException io) {
                // bad local data (a hand-edited reference-name file, say): the message says what to do
                cmd.getErr().println("contraband: " + io.getMessage());
                if (debug) {
                    e.printStackTrace(cmd.getErr());
                }
                return ExitCodes.ERROR;
            }
            cmd.getErr().println("contraband: internal error: " + e
                    + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                e.printStackTrace(cmd.getErr());
            }
            return ExitCodes.ERROR;
        });
        return cli.execute(args);
    }
}
