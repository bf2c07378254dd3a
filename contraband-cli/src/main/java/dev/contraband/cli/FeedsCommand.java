package dev.contraband.cli;

import dev.contraband.feed.Feed;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.FeedUpdater;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code contraband feeds update|list}: the indicator feeds scans match against. */
@Command(name = "feeds", mixinStandardHelpOptions = true, versionProvider = ContrabandCommand.Version.class,
        description = {"Manages the indicator feeds that `scan` matches domains, addresses and URLs against.", ""},
        subcommands = {FeedsCommand.Update.class, FeedsCommand.ListFeeds.class})
final class FeedsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Fetches the feeds DIR/feeds.toml lists (ETag, optional sha256 pin) into DIR.",
                    "Exit codes: 0 every feed updated or unchanged, 1 some feed failed, 2 no usable feeds.toml."})
    static final class Update implements Callable<Integer> {
        @Option(names = "--feeds-dir", paramLabel = "DIR", description = "The feeds folder (default: ~/.cache/contraband/feeds).")
        Path dir;

        @Override
        public Integer call() {
            Path d = dir != null ? dir : IndicatorOptions.defaultFeedsDir();
            List<FeedUpdater.Outcome> outcomes;
            try {
                Files.createDirectories(d);
                outcomes = new FeedUpdater().update(d);
            } catch (IOException e) {
                System.err.println("contraband: feeds update: " + e.getMessage());
                return ExitCodes.ERROR;
            }
            boolean failed = false;
            for (FeedUpdater.Outcome o : outcomes) {
                System.out.printf("%-9s %-24s %s%n", o.status().name().toLowerCase(java.util.Locale.ROOT), o.source().name(), o.detail());
                failed |= o.status() == FeedUpdater.Status.FAILED;
            }
            return failed ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the built-in feeds and those of the feeds folder.")
    static final class ListFeeds implements Callable<Integer> {
        @Option(names = "--feeds-dir", paramLabel = "DIR", description = "The feeds folder (default: ~/.cache/contraband/feeds).")
        Path dir;

        @Override
        public Integer call() {
            List<Feed> feeds = new ArrayList<>(FeedSet.builtInFeeds());
            Path d = dir != null ? dir : IndicatorOptions.defaultFeedsDir();
            try {
                if (dir != null || Files.isDirectory(d)) {
                    feeds.addAll(FeedSet.loadFolder(d));
                }
            } catch (IOException e) {
                System.err.println("contraband: feeds list: " + e.getMessage());
                return ExitCodes.ERROR;
            }
            for (Feed f : feeds) {
                System.out.printf("%-28s %-24s %6d entries  %s  %s%n", f.name(), f.category().id(), f.entries().size(),
                        f.date().isEmpty() ? "-" : f.date(), f.source().length() > 70 ? f.source().substring(0, 67) + "..." : f.source());
            }
            return ExitCodes.CLEAN;
        }
    }
}
