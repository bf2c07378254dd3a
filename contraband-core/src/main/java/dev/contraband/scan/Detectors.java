package dev.contraband.scan;

import dev.contraband.detect.FileDetector;
import dev.contraband.detect.ImageDetector;
import dev.contraband.detect.Rule;
import dev.contraband.detect.artifact.SuspiciousEntrypointDetector;
import dev.contraband.detect.artifact.SuspiciousFileDetector;
import dev.contraband.detect.behavior.BehaviorConfigDetector;
import dev.contraband.detect.behavior.BehaviorFileDetector;
import dev.contraband.detect.miner.HashFeedDetector;
import dev.contraband.detect.miner.MinerConfigDetector;
import dev.contraband.detect.miner.MinerFileDetector;
import dev.contraband.detect.network.NetworkConfigDetector;
import dev.contraband.detect.network.NetworkFileDetector;
import dev.contraband.feed.FeedSet;
import dev.contraband.feed.HashFeed;
import dev.contraband.detect.name.ImpostorNameDetector;
import dev.contraband.detect.secret.SecretConfigDetector;
import dev.contraband.detect.secret.SecretFileDetector;
import dev.contraband.detect.secret.SecretRuleSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The detectors a scan runs, listed explicitly (a test checks that every detector class is listed here). A new
 * detector family goes in its own package under {@code dev.contraband.detect} and is added to these lists.
 */
public record Detectors(List<FileDetector> files, List<ImageDetector> images) {
    public Detectors {
        files = List.copyOf(files);
        images = List.copyOf(images);
    }

    public static Detectors builtIn() {
        return with(SecretRuleSet.builtIn());
    }

    /** The built-in detectors, with {@code secrets} as the secret rule set. */
    public static Detectors with(SecretRuleSet secrets) {
        return with(secrets, FeedSet.builtIn(), HashFeed.empty());
    }

    /** The built-in detectors, with these secret rules, indicator feeds and known-bad file hashes. */
    public static Detectors with(SecretRuleSet secrets, FeedSet feeds, HashFeed hashes) {
        return new Detectors(
                List.of(new SuspiciousFileDetector(), new SecretFileDetector(secrets), new MinerFileDetector(),
                        new NetworkFileDetector(feeds), new BehaviorFileDetector(), new HashFeedDetector(hashes)),
                List.of(new SuspiciousEntrypointDetector(), new SecretConfigDetector(secrets), new MinerConfigDetector(),
                        new NetworkConfigDetector(feeds), new BehaviorConfigDetector(), ImpostorNameDetector.standard()));
    }

    /** These detectors without those outside {@code families} (every family: this). */
    public Detectors only(Set<Family> families) {
        return new Detectors(files.stream().filter(d -> families.contains(Family.of(d))).toList(),
                images.stream().filter(d -> families.contains(Family.of(d))).toList());
    }

    /** Every rule of every detector, in detector order. */
    public List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        files.forEach(d -> rules.addAll(d.rules()));
        images.forEach(d -> rules.addAll(d.rules()));
        rules.addAll(dev.contraband.layer.LayerWalker.rules());
        return rules;
    }

    /**
     * Identifies what the file detectors would find, for layer-cache keys: a layer report made with another key may
     * differ and is not reused.
     */
    public String fileDetectorsKey() {
        return files.stream().map(d -> d.id() + "@" + d.version() + (d.configuration().isEmpty() ? "" : "#" + d.configuration()))
                .collect(Collectors.joining(","));
    }
}
