package org.cultivate.conduct;

import java.security.SecureRandom;
import java.util.List;

/**
 * Random code names for cases ({@code amber-falcon-42}), so that task lists, e-mails and folder
 * listings never carry a person's name. Words are neutral on purpose: nothing in a code name may
 * hint at what happened.
 */
final class CodeNames {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> ADJECTIVES = List.of(
            "amber", "azure", "brisk", "calm", "coral", "crimson", "dusky", "early", "fern", "golden",
            "hazel", "indigo", "ivory", "jade", "keen", "lilac", "lunar", "maple", "misty", "navy",
            "olive", "opal", "pearl", "plum", "quiet", "rapid", "rosy", "russet", "sage", "scarlet",
            "silver", "slate", "solar", "steady", "sunny", "tawny", "teal", "umber", "velvet", "violet",
            "warm", "willow", "winter", "young", "zesty", "bright", "clear", "gentle");
    private static final List<String> ANIMALS = List.of(
            "albatross", "badger", "beaver", "bison", "crane", "dolphin", "eagle", "falcon", "finch", "fox",
            "gazelle", "gecko", "heron", "ibis", "jaguar", "kestrel", "koala", "lark", "lemur", "lynx",
            "marten", "moose", "narwhal", "newt", "ocelot", "orca", "osprey", "otter", "owl", "panda",
            "pelican", "puffin", "quail", "raven", "robin", "salmon", "seal", "sparrow", "stork", "swift",
            "tapir", "tern", "toucan", "turtle", "walrus", "wombat", "wren", "yak");

    private CodeNames() {
    }

    static String next() {
        return ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "-"
                + ANIMALS.get(RANDOM.nextInt(ANIMALS.size())) + "-"
                + (10 + RANDOM.nextInt(90));
    }
}
