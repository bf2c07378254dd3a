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
import java.util.EnumSet;
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
        return with(secrets, feeds, hashes, EnumSet.allOf(Family.class));
    }

    /**
     * The built-in detectors of {@code families} only ({@code --scanners}); the others are not made at all, so their
     * set-up (the name index, say) is not paid. The order is fixed, as the layer-cache key lists the file detectors.
     */
    public static Detectors with(SecretRuleSet secrets, FeedSet feeds, HashFeed hashes, Set<Family> families) {
        List<FileDetector> files = new ArrayList<>();
        List<ImageDetector> images = new ArrayList<>();
        if (families.contains(Family.ARTIFACT)) {
            files.add(new SuspiciousFileDetector());
            images.add(new SuspiciousEntrypointDetector());
        }
        if (families.contains(Family.SECRET)) {
            files.add(new SecretFileDetector(secrets));
            images.add(new SecretConfigDetector(secrets));
        }
        if (families.contains(Family.MINER)) {
            files.add(new MinerFileDetector());
            images.add(new MinerConfigDetector());
        }
        if (families.contains(Family.NETWORK)) {
            files.add(new NetworkFileDetector(feeds));
            images.add(new NetworkConfigDetector(feeds));
        }
        if (families.contains(Family.BEHAVIOR)) {
            files.add(new BehaviorFileDetector());
            images.add(new BehaviorConfigDetector());
        }
        if (families.contains(Family.MINER)) {
            files.add(new HashFeedDetector(hashes)); // last, where it has always been in the layer-cache key
        }
        if (families.contains(Family.NAME)) {
            images.add(ImpostorNameDetector.standard());
        }
        return new Detectors(files, images);
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
