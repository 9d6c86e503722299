package org.badgebridge.badge;

import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * Criteria as stored data (JSON), read back with clear errors: unknown node types, thresholds out of range,
 * groups without members, trees deeper than {@value #MAX_DEPTH} or larger than {@value #MAX_NODES} nodes.
 */
public final class CriteriaJson {

	static final int MAX_DEPTH = 8;

	static final int MAX_NODES = 200;

	private CriteriaJson() {
	}

	public static String write(Criteria criteria) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (criteria.deadline() != null) {
			json.put("deadline", criteria.deadline().toString());
		}
		json.put("root", node(criteria.root()));
		return JSONObjectUtils.toJSONString(json);
	}

	public static Criteria read(String json) {
		Map<String, Object> map;
		try {
			map = JSONObjectUtils.parse(json);
		}
		catch (ParseException ex) {
			throw new InvalidBadgeException("The criteria are not valid JSON.", "common.error.criteria.json");
		}
		Instant deadline = null;
		if (map.get("deadline") instanceof String s && !s.isBlank()) {
			try {
				deadline = Instant.parse(s);
			}
			catch (DateTimeParseException ex) {
				throw new InvalidBadgeException("The deadline is not a date and time: " + s, "common.error.criteria.deadline", s);
			}
		}
		int[] count = { 0 };
		return new Criteria(criterion(map.get("root"), 1, count), deadline);
	}

	private static Map<String, Object> node(Criterion c) {
		Map<String, Object> n = new LinkedHashMap<>();
		n.put("key", c.key());
		if (c instanceof Criterion.ScoreRule rule) {
			n.put("type", "score");
			Map<String, Object> column = new LinkedHashMap<>();
			column.put("lineItemId", rule.column().lineItemId());
			putIfSet(column, "resourceId", rule.column().resourceId());
			putIfSet(column, "tag", rule.column().tag());
			putIfSet(column, "label", rule.column().label());
			n.put("column", column);
			n.put("threshold", rule.threshold().name().toLowerCase(Locale.ROOT));
			n.put("value", rule.value());
		}
		else if (c instanceof Criterion.Approval approval) {
			n.put("type", "approval");
			putIfSet(n, "prompt", approval.prompt());
		}
		else {
			Criterion.Group group = (Criterion.Group) c;
			n.put("type", switch (group.mode()) {
				case ALL -> "all";
				case ANY -> "any";
				case AT_LEAST -> "atLeast";
			});
			if (group.mode() == Criterion.Mode.AT_LEAST) {
				n.put("n", group.atLeast());
			}
			List<Object> children = new ArrayList<>();
			group.children().forEach(child -> children.add(node(child)));
			n.put("children", children);
		}
		return n;
	}

	private static Criterion criterion(Object o, int depth, int[] count) {
		if (depth > MAX_DEPTH) {
			throw new InvalidBadgeException("Criteria may nest at most " + MAX_DEPTH + " levels deep.", "common.error.criteria.depth", MAX_DEPTH);
		}
		if (++count[0] > MAX_NODES) {
			throw new InvalidBadgeException("Criteria may have at most " + MAX_NODES + " rules.", "common.error.criteria.size", MAX_NODES);
		}
		if (!(o instanceof Map<?, ?> n)) {
			throw new InvalidBadgeException("A criterion must be an object.", "common.error.criteria.object");
		}
		String key = n.get("key") == null ? "c" + count[0] : n.get("key").toString();
		String type = n.get("type") == null ? "" : n.get("type").toString();
		switch (type) {
			case "score" -> {
				if (!(n.get("column") instanceof Map<?, ?> col)) {
					throw new InvalidBadgeException("A score rule needs a column.", "common.error.criteria.column");
				}
				Criterion.Threshold threshold;
				try {
					threshold = Criterion.Threshold.valueOf(String.valueOf(n.get("threshold")).toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidBadgeException("A score rule's threshold is percent, points or completed, not " + n.get("threshold") + ".",
							"common.error.criteria.threshold", String.valueOf(n.get("threshold")));
				}
				double value = n.get("value") instanceof Number v ? v.doubleValue() : 0;
				return new Criterion.ScoreRule(key, new Criterion.Column(text(col.get("lineItemId")), text(col.get("resourceId")),
						text(col.get("tag")), text(col.get("label"))), threshold, value);
			}
			case "approval" -> {
				return new Criterion.Approval(key, text(n.get("prompt")));
			}
			case "all", "any", "atLeast" -> {
				if (!(n.get("children") instanceof List<?> list)) {
					throw new InvalidBadgeException("A group of criteria needs children.", "common.error.criteria.children");
				}
				List<Criterion> children = new ArrayList<>();
				for (Object child : list) {
					children.add(criterion(child, depth + 1, count));
				}
				Criterion.Mode mode = type.equals("all") ? Criterion.Mode.ALL : type.equals("any") ? Criterion.Mode.ANY
						: Criterion.Mode.AT_LEAST;
				int atLeast = n.get("n") instanceof Number v ? v.intValue() : 0;
				return new Criterion.Group(key, mode, atLeast, children);
			}
			default -> throw new InvalidBadgeException("Unknown kind of criterion: \"" + type + "\".", "common.error.criteria.kind", type);
		}
	}

	private static void putIfSet(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static String text(Object o) {
		return o == null || o.toString().isBlank() ? null : o.toString();
	}
}
