package io.syncline.live.events;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored event-log rows; searches go through {@link EventLogSearch}. */
public interface EventLogRepository extends JpaRepository<EventLogRow, Long> {}
