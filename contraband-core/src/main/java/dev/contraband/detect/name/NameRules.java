package dev.contraband.detect.name;

import dev.contraband.detect.Category;
import dev.contraband.detect.Rule;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One rule per technique, {@code impostor.<technique>}, so each can be ignored or counted on its own. */
public final class NameRules {
    private static final Map<Technique, Rule> RULES = new EnumMap<>(Technique.class);

    static {
        for (Technique t : Technique.values()) {
            RULES.put(t, new Rule("impostor." + t.id(), Category.IMPOSTOR_NAME, t.severity(),
                    "Image name poses as a trusted image: " + t.description(),
                    t == Technique.OFFICIAL_NAME_REUSE
                            ? "The repository has the name of an official or well-known image but belongs to someone else; "
                            + "many honest images do this too, so it is a weak signal on its own."
                            : "The name imitates an official image or a well-known publisher's repository; check that "
                            + "this is the image you meant to pull (the finding names the one it poses as)."));
        }
    }

    private NameRules() {
    }

    public static Rule of(Technique technique) {
        return RULES.get(technique);
    }

    public static List<Rule> all() {
        return Arrays.stream(Technique.values()).map(RULES::get).toList();
    }
}
