package org.cultivate.taskforce;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.cultivate.taskforce.PanelSelection.Quota;

import static org.cultivate.taskforce.TaskForceProcess.CATEGORIES;
import static org.cultivate.taskforce.TaskForceProcess.EXPERIENCE;
import static org.cultivate.taskforce.TaskForceProcess.EXPERIENCE_LEVELS;
import static org.cultivate.taskforce.TaskForceProcess.GENDER;
import static org.cultivate.taskforce.TaskForceProcess.GENDERS;
import static org.cultivate.taskforce.TaskForceProcess.REGION;
import static org.cultivate.taskforce.TaskForceProcess.REGIONS;

/**
 * The balance a coordinator asks of a call, one rule a line: category, value, the least and the
 * most members with it ({@code -} for no bound), such as {@code region ESEAP 1 3} or
 * {@code language ar 2 -}. Read into the selection's quotas, or into what is wrong with a line.
 */
final class BalanceRules {

    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");
    private static final Map<String, List<String>> VALUES = Map.of(REGION, REGIONS, GENDER, GENDERS, EXPERIENCE, EXPERIENCE_LEVELS);

    private BalanceRules() {
    }

    /** The quotas of a balance the call form accepted. */
    static List<Quota> parse(String balance, int seats) {
        var problems = new ArrayList<String>();
        List<Quota> quotas = read(balance, seats, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        return quotas;
    }

    /** What is wrong with the balance, line by line; empty when every line is a rule the selection can keep. */
    static List<String> problems(String balance, int seats) {
        var problems = new ArrayList<String>();
        read(balance, seats, problems);
        return problems;
    }

    private static List<Quota> read(String balance, int seats, List<String> problems) {
        var quotas = new ArrayList<Quota>();
        Set<String> seen = new HashSet<>();
        String[] lines = balance == null ? new String[0] : balance.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].trim();
            if (line.isEmpty()) {
                continue;
            }
            String where = "Line " + (n + 1) + " (\"" + line + "\"): ";
            String[] words = line.split("\\s+");
            if (words.length != 4) {
                problems.add(where + "write a category, a value, the least and the most members, such as \"region ESEAP 1 3\".");
                continue;
            }
            String category = words[0].toLowerCase();
            String value = category.equals(REGION) ? words[1].toUpperCase() : words[1].toLowerCase();
            if (!CATEGORIES.contains(category)) {
                problems.add(where + "the category must be one of " + String.join(", ", CATEGORIES) + ".");
                continue;
            }
            List<String> allowed = VALUES.get(category);
            if (allowed != null ? !allowed.contains(value) : !LANGUAGE_CODE.matcher(value).matches()) {
                problems.add(where + (allowed != null ? "the " + category + " must be one of " + String.join(", ", allowed)
                        : "a language is its two- or three-letter code, such as ar or fr") + ".");
                continue;
            }
            Integer min = bound(words[2]);
            Integer max = bound(words[3]);
            if ((min == null && !words[2].equals("-")) || (max == null && !words[3].equals("-"))) {
                problems.add(where + "the least and the most members are whole numbers, or - for no bound.");
            } else if (min == null && max == null) {
                problems.add(where + "give the least or the most members, or both.");
            } else if (min != null && max != null && min > max) {
                problems.add(where + "the least (" + min + ") is more than the most (" + max + ").");
            } else if (min != null && min > seats) {
                problems.add(where + "the least (" + min + ") is more than the " + seats + " seats.");
            } else if (!seen.add(category + " " + value)) {
                problems.add(where + category + " " + value + " has a rule already.");
            } else {
                quotas.add(new Quota(category, value, min, max));
            }
        }
        return quotas;
    }

    private static Integer bound(String word) {
        return word.matches("\\d{1,3}") ? Integer.valueOf(word) : null;
    }

    /** A quota as the call keeps it among its variables. */
    static Map<String, Object> asVariable(Quota quota) {
        var map = new LinkedHashMap<String, Object>();
        map.put("category", quota.category());
        map.put("value", quota.value());
        map.put("min", quota.min());
        map.put("max", quota.max());
        return map;
    }

    static Quota fromVariable(Map<String, Object> map) {
        return new Quota((String) map.get("category"), (String) map.get("value"), number(map.get("min")), number(map.get("max")));
    }

    private static Integer number(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
