package dev.contraband.feed;

import dev.contraband.detect.Category;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One indicator feed: its entries (domains, IP networks, URLs, all normalised) in one category, with where it came
 * from and when. Built-in feeds name their source and date in their header; so can user feeds.
 *
 * @param ports pool ports, for the mining-pool feed ({@code # ports:} header); empty otherwise
 */
public record Feed(String name, Category category, String source, String date, List<Entry> entries, Set<Integer> ports) {
    public enum Kind { DOMAIN, NETWORK, URL }

    /** One entry; {@code registered} is the registration date of a newly-registered-domain feed's domain, or null. */
    public record Entry(Kind kind, String value, LocalDate registered) {
    }

    public Feed {
        entries = List.copyOf(entries);
        ports = Set.copyOf(ports);
    }
}
