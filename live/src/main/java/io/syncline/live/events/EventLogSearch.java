package io.syncline.live.events;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Searches the event log, oldest first. The query names only the criteria given: an "or :x is null" form
 * leaves PostgreSQL unable to type a null timestamp parameter.
 */
@Component
public class EventLogSearch {

    private final EntityManager entities;

    public EventLogSearch(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional(readOnly = true)
    public List<EventLogRow> find(EventFilter filter) {
        StringBuilder jpql = new StringBuilder("select e from EventLogRow e where e.merchantId = :merchantId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("merchantId", filter.merchantId());
        if (filter.aggregateId() != null) {
            jpql.append(" and e.aggregateId = :aggregateId");
            parameters.put("aggregateId", filter.aggregateId());
        }
        if (filter.type() != null) {
            jpql.append(" and e.eventType = :type");
            parameters.put("type", filter.type());
        }
        if (filter.from() != null) {
            jpql.append(" and e.timestamp >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" and e.timestamp < :to");
            parameters.put("to", filter.to());
        }
        if (filter.after() != null) {
            jpql.append(" and e.position > :after");
            parameters.put("after", filter.after());
        }
        jpql.append(" order by e.position");
        TypedQuery<EventLogRow> query = entities.createQuery(jpql.toString(), EventLogRow.class);
        parameters.forEach(query::setParameter);
        return new ArrayList<>(query.setMaxResults(filter.limit()).getResultList());
    }
}
