package org.cultivate.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The affiliations members state themselves ({@code cultivate_member_affiliation}); see {@link AffiliationsController}. */
@Repository
class MemberAffiliations implements Affiliations {

    private final JdbcTemplate jdbc;

    MemberAffiliations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> keysOf(String userId) {
        return Set.copyOf(jdbc.queryForList("SELECT organisation_key FROM cultivate_member_affiliation WHERE user_id = ?", String.class, userId));
    }

    /** The organisations as the member wrote them, in order. */
    List<String> of(String userId) {
        return jdbc.queryForList("SELECT organisation FROM cultivate_member_affiliation WHERE user_id = ? ORDER BY organisation",
                String.class, userId);
    }

    /** Replaces the member's organisations; the same organisation written twice is kept once. */
    @Transactional
    void replace(String userId, List<String> organisations) {
        jdbc.update("DELETE FROM cultivate_member_affiliation WHERE user_id = ?", userId);
        Map<String, String> byKey = new LinkedHashMap<>();
        organisations.forEach(organisation -> byKey.putIfAbsent(Affiliations.key(organisation), organisation.strip()));
        byKey.forEach((key, organisation) -> jdbc.update(
                "INSERT INTO cultivate_member_affiliation (user_id, organisation_key, organisation) VALUES (?, ?, ?)", userId, key, organisation));
    }
}
