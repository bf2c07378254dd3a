package dev.contraband.detect.network;

import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;
import dev.contraband.detect.Severity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One rule per feed category ({@code network.<category>}), and onion addresses. */
public final class NetworkRules {
    private static final Map<Category, Rule> BY_CATEGORY = new EnumMap<>(Category.class);
    public static final Rule ONION = new Rule("network.onion-address", Category.PROXY_AVOIDANCE, Severity.MEDIUM,
            "Tor onion address", "A .onion address: the image reaches a Tor hidden service, an anonymising channel.");

    static {
        for (Category c : List.of(Category.CRYPTOMINING, Category.MALICIOUS_WEBSITE, Category.NEWLY_REGISTERED_DOMAIN,
                Category.DYNAMIC_DNS, Category.PROXY_AVOIDANCE, Category.HACKING_TOOL, Category.DYNAMIC_DOWNLOAD,
                Category.BACKDOOR, Category.OTHER)) {
            Severity s = c == Category.CRYPTOMINING || c == Category.MALICIOUS_WEBSITE || c == Category.BACKDOOR
                    ? Severity.HIGH : Severity.MEDIUM;
            BY_CATEGORY.put(c, new Rule("network." + c.id(), c, s, title(c),
                    "A domain, address or URL listed in a " + c.id() + " feed (the finding names the feed and its entry)."));
        }
    }

    private NetworkRules() {
    }

    private static String title(Category c) {
        return switch (c) {
            case CRYPTOMINING -> "Mining pool host";
            case MALICIOUS_WEBSITE -> "Malicious website";
            case NEWLY_REGISTERED_DOMAIN -> "Newly registered domain";
            case DYNAMIC_DNS -> "Dynamic DNS host";
            case PROXY_AVOIDANCE -> "Tunnel or anonymiser host";
            case HACKING_TOOL -> "Hacking-tool host";
            default -> "Listed network indicator (" + c.id() + ")";
        };
    }

    /** The rule for indicators of a feed category. */
    public static Rule of(Category c) {
        return BY_CATEGORY.getOrDefault(c, BY_CATEGORY.get(Category.OTHER));
    }

    public static List<Rule> all() {
        List<Rule> out = new ArrayList<>(BY_CATEGORY.values());
        out.add(ONION);
        return out;
    }
}
