package org.cultivate.identity;

import java.util.List;

import static org.cultivate.identity.Groups.ADMINS;
import static org.cultivate.identity.Groups.CONDUCT_COMMITTEE;
import static org.cultivate.identity.Groups.COORDINATORS;
import static org.cultivate.identity.Groups.FINANCE;
import static org.cultivate.identity.Groups.GRANTS_COMMITTEE;
import static org.cultivate.identity.Groups.MENTORS;
import static org.cultivate.identity.Groups.SELECTION_COMMITTEE;

/** DESIGN.md's demo users, three per committee so that conflicts of interest, quorums and loads can be shown; their password is their user name, so they exist in the default profile only. */
final class DemoUsers {

    record DemoUser(String id, String firstName, String lastName, List<String> groups) {
        String email() {
            return id + "@cultivate.test";
        }
    }

    static final List<DemoUser> ALL = List.of(
            new DemoUser("demo", "Demo", "Administrator", List.of(ADMINS, COORDINATORS)),
            new DemoUser("alice", "Alice", "Conduct", List.of(CONDUCT_COMMITTEE)),
            new DemoUser("bob", "Bob", "Conduct", List.of(CONDUCT_COMMITTEE)),
            new DemoUser("chidi", "Chidi", "Conduct", List.of(CONDUCT_COMMITTEE)),
            new DemoUser("dana", "Dana", "Grants", List.of(GRANTS_COMMITTEE)),
            new DemoUser("milan", "Milan", "Grants", List.of(GRANTS_COMMITTEE)),
            new DemoUser("noor", "Noor", "Grants", List.of(GRANTS_COMMITTEE)),
            new DemoUser("eve", "Eve", "Selection", List.of(SELECTION_COMMITTEE)),
            new DemoUser("kofi", "Kofi", "Selection", List.of(SELECTION_COMMITTEE)),
            new DemoUser("lena", "Lena", "Selection", List.of(SELECTION_COMMITTEE)),
            new DemoUser("femi", "Femi", "Mentor", List.of(MENTORS)),
            new DemoUser("ines", "Ines", "Mentor", List.of(MENTORS)),
            new DemoUser("jun", "Jun", "Mentor", List.of(MENTORS)),
            new DemoUser("hiro", "Hiro", "Finance", List.of(FINANCE)),
            new DemoUser("gita", "Gita", "Coordinator", List.of(COORDINATORS)));

    private DemoUsers() {
    }
}
