package org.cultivate.intake;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes the tracking entries (status and timeline) of cases that ended longer ago than the retention period. */
@Component
class TrackingRetention {

    private static final Logger log = LoggerFactory.getLogger(TrackingRetention.class);

    private final CaseTrackingRepository repository;
    private final Clock clock;
    private final Duration retention;

    TrackingRetention(CaseTrackingRepository repository, Clock clock,
            @Value("${cultivate.tracking.retention}") Duration retention) {
        this.repository = repository;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${cultivate.tracking.retention-cron:0 30 3 * * *}")
    int deleteExpired() {
        int deleted = repository.deleteEndedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Tracking retention: deleted {} entries of cases that ended more than {} ago", deleted, retention);
        }
        return deleted;
    }
}
