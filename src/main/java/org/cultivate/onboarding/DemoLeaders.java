package org.cultivate.onboarding;

import java.time.LocalDate;
import java.util.List;

import org.cultivate.onboarding.LeaderRegister.NewLeader;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The default profile's leaders, so that a new user can try vouching at once: the demo mentors
 * (with their accounts) and two leaders without one. Only into an empty register, and never
 * outside the default profile ({@code cultivate.onboarding.demo-leaders=false} leaves them out too).
 */
@Component
@ConditionalOnProperty(name = "cultivate.onboarding.demo-leaders", havingValue = "true", matchIfMissing = true)
class DemoLeaders {

    private final LeaderRegister register;
    private final boolean defaultProfile;

    DemoLeaders(LeaderRegister register, Environment environment) {
        this.register = register;
        this.defaultProfile = environment.getActiveProfiles().length == 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!defaultProfile || !register.isEmpty()) {
            return;
        }
        LocalDate start = register.today().minusMonths(6);
        LocalDate end = start.plusYears(2);
        for (NewLeader leader : List.of(
                new NewLeader("Femi Mentor", "femi@cultivate.test", "femi", "mentor", "Lagos Python", "africa", "en,fr", start, end, LeaderRegister.ACTIVE, null),
                new NewLeader("Ines Mentor", "ines@cultivate.test", "ines", "mentor", "Comunidad Madrid", "europe", "es,en,pt", start, end, LeaderRegister.ACTIVE, null),
                new NewLeader("Jun Mentor", "jun@cultivate.test", "jun", "mentor", "Osaka Makers", "asia-pacific", "en,zh", start, end, LeaderRegister.ACTIVE, null),
                new NewLeader("Rosa Leader", "rosa.leader@cultivate.test", null, "events", "Comunidad Madrid", "europe", "es", start, end, LeaderRegister.ACTIVE, null),
                new NewLeader("Omar Alumnus", "omar.alumnus@cultivate.test", null, "local-community", "Cairo Data", "middle-east", "ar,en",
                        start.minusYears(3), start.minusDays(1), LeaderRegister.ALUMNI, null))) {
            register.add(leader);
        }
    }
}
