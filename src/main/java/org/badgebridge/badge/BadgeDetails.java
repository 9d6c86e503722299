package org.badgebridge.badge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a teacher describes about a badge beyond name and description: the criteria narrative and the EU
 * micro-credential elements. For a badge marked micro-credential the mandatory elements of the Council
 * Recommendation (2022/C 243/02, Annex I) must all be present before awarding can be switched on; the learner,
 * the title and the date of issuing come from the award itself.
 */
public record BadgeDetails(String criteriaNarrative, boolean microCredential, String learningOutcomes, Double workloadValue,
		String workloadUnit, String eqfLevel, String assessmentType, String participation, String qualityAssurance,
		String language, String prerequisites, String stackability, Integer expiryMonths, String awardingBody, String country) {

	public static final Set<String> EQF_LEVELS = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "NA");

	public static final Set<String> WORKLOAD_UNITS = Set.of("ECTS", "HOURS");

	public static final Set<String> PARTICIPATION = Set.of("ONLINE", "ONSITE", "BLENDED");

	public static final Set<String> STACKABILITY = Set.of("STANDALONE", "STACKABLE");

	public static BadgeDetails none() {
		return new BadgeDetails(null, false, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** These details with the issuer's name and country where the badge names no awarding body or country of its own. */
	public BadgeDetails withIssuer(IssuerProfile issuer) {
		if (issuer == null) {
			return this;
		}
		return new BadgeDetails(criteriaNarrative, microCredential, learningOutcomes, workloadValue, workloadUnit, eqfLevel,
				assessmentType, participation, qualityAssurance, language, prerequisites, stackability, expiryMonths,
				awardingBody == null || awardingBody.isBlank() ? issuer.name() : awardingBody,
				country == null || country.isBlank() ? issuer.country() : country);
	}

	/** Refuses values out of range, naming the field. */
	public BadgeDetails validated() {
		if (workloadValue != null && (workloadValue <= 0 || workloadValue > 10_000)) {
			throw new InvalidBadgeException("The workload is a positive number.", "common.error.badge.workload");
		}
		if (workloadUnit != null && !WORKLOAD_UNITS.contains(workloadUnit)) {
			throw new InvalidBadgeException("The workload is in ECTS or hours.", "common.error.badge.workloadUnit");
		}
		if (eqfLevel != null && !EQF_LEVELS.contains(eqfLevel)) {
			throw new InvalidBadgeException("The EQF level is 1 to 8, or \"not applicable\".", "common.error.badge.eqf");
		}
		if (participation != null && !PARTICIPATION.contains(participation)) {
			throw new InvalidBadgeException("The form of participation is online, onsite or blended.", "common.error.badge.participation");
		}
		if (stackability != null && !STACKABILITY.contains(stackability)) {
			throw new InvalidBadgeException("Stackability is standalone or stackable.", "common.error.badge.stackability");
		}
		if (expiryMonths != null && (expiryMonths < 1 || expiryMonths > 1200)) {
			throw new InvalidBadgeException("The expiry period is 1 to 1200 months (or none).", "common.error.badge.expiry");
		}
		for (String[] f : new String[][] { { "learning outcomes", learningOutcomes, "learningOutcomes" }, { "criteria narrative", criteriaNarrative, "criteriaNarrative" } }) {
			if (f[1] != null && f[1].length() > 10_000) {
				throw new InvalidBadgeException("The " + f[0] + " are at most 10000 characters.", "common.error.badge.tooLong." + f[2]);
			}
		}
		return this;
	}

	/** The mandatory EU elements still missing (empty when complete, or when the badge is no micro-credential). */
	public List<String> missingForMicroCredential() {
		List<String> missing = new ArrayList<>();
		if (!microCredential) {
			return missing;
		}
		if (blank(learningOutcomes)) {
			missing.add("learning outcomes");
		}
		if (workloadValue == null || workloadUnit == null) {
			missing.add("workload (ECTS or hours)");
		}
		if (eqfLevel == null) {
			missing.add("EQF level (or \"not applicable\")");
		}
		if (blank(assessmentType)) {
			missing.add("type of assessment");
		}
		if (participation == null) {
			missing.add("form of participation");
		}
		if (blank(qualityAssurance)) {
			missing.add("type of quality assurance");
		}
		if (blank(awardingBody)) {
			missing.add("awarding body");
		}
		if (blank(country)) {
			missing.add("country of the awarding body");
		}
		return missing;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
