package org.badgebridge;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMapping;

import org.badgebridge.launch.ToolSession;
import org.badgebridge.web.PublicEndpoint;
import org.badgebridge.web.ResolvedPrincipal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorization as a type: every handler of the tool takes exactly one resolved principal, or is a public endpoint
 * with a reason; and the public endpoints are exactly the ones listed here, so that making one public is a decision
 * someone reviews (the demo LMS is another site and not part of the tool).
 */
class HandlerPrincipalTests {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.badgebridge");

	static final DescribedPredicate<JavaMethod> HANDLER = DescribedPredicate.describe("a request handler of the tool",
			m -> m.isMetaAnnotatedWith(RequestMapping.class) && !m.getOwner().getPackageName().startsWith("org.badgebridge.demolms"));

	/** Controllers (or single handlers, as Class#method) that anyone may call. Each carries its reason in the code. */
	static final Set<String> PUBLIC = Set.of(
			"org.badgebridge.web.HomeController#home",
			"org.badgebridge.web.LanguageController#choose",
			"org.badgebridge.web.AdminSignInController#form", "org.badgebridge.web.AdminSignInController#signIn",
			"org.badgebridge.launch.internal.LoginController",
			"org.badgebridge.launch.internal.LaunchController",
			"org.badgebridge.platform.internal.JwksController",
			"org.badgebridge.platform.internal.DynamicRegistrationController",
			"org.badgebridge.platform.internal.ToolConfigurationController",
			"org.badgebridge.platform.internal.ToolLogoController",
			"org.badgebridge.badge.internal.BadgeImageController",
			"org.badgebridge.claim.internal.ClaimController",
			"org.badgebridge.claim.internal.ClaimWindowController",
			"org.badgebridge.credential.internal.OpenBadges2Controller",
			"org.badgebridge.credential.internal.OpenBadges3Controller",
			"org.badgebridge.verification.internal.VerificationPageController",
			"org.badgebridge.verification.internal.CheckBadgeController",
			"org.badgebridge.catalogue.CatalogueController",
			"org.badgebridge.account.internal.SignInController", "org.badgebridge.account.internal.OidcSignInController",
			"org.badgebridge.account.internal.AddressLinkController#show",
			"org.badgebridge.wallet.internal.Oid4vciController#issuerMetadata",
			"org.badgebridge.wallet.internal.Oid4vciController#authorizationServerMetadata",
			"org.badgebridge.wallet.internal.Oid4vciController#token",
			"org.badgebridge.wallet.internal.Oid4vciController#nonce",
			"org.badgebridge.wallet.internal.Oid4vciController#credential");

	@Test
	void everyHandlerTakesExactlyOnePrincipalOrIsPublicWithAReason() {
		methods().that(HANDLER).should(new ArchCondition<>("take exactly one resolved principal, or be a @PublicEndpoint") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				long principals = method.getRawParameterTypes().stream().filter(t -> t.isAssignableTo(ResolvedPrincipal.class)).count();
				boolean open = isPublic(method);
				if (open && principals > 0 || !open && principals != 1) {
					events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes " + principals
							+ " principal(s)" + (open ? " but is public" : " and is not a @PublicEndpoint")));
				}
				if (open) {
					PublicEndpoint p = method.isAnnotatedWith(PublicEndpoint.class) ? method.getAnnotationOfType(PublicEndpoint.class)
							: method.getOwner().getAnnotationOfType(PublicEndpoint.class);
					if (p.value().isBlank()) {
						events.add(SimpleConditionEvent.violated(method, method.getFullName() + " is public without a reason"));
					}
				}
			}
		}).check(CLASSES);
	}

	@Test
	void theDashboardAndItsListsTakeTheAdmin() {
		for (String name : java.util.List.of("org.badgebridge.console.internal.DashboardController",
				"org.badgebridge.mail.internal.OutboxPageController", "org.badgebridge.course.internal.SyncStatusController",
				"org.badgebridge.award.internal.AwardAdminController")) {
			assertThat(CLASSES.get(name).getMethods().stream().filter(HANDLER::test)).as(name).isNotEmpty()
					.allSatisfy(m -> assertThat(m.getRawParameterTypes()).anyMatch(t -> t.isEquivalentTo(org.badgebridge.web.Admin.class)));
		}
	}

	@Test
	void theAuditTrailIsForTheAdminOnly() {
		JavaClass page = CLASSES.get("org.badgebridge.audit.internal.AuditPageController");
		List<String> handlers = page.getMethods().stream().filter(HANDLER::test)
				.map(m -> m.getName() + m.getRawParameterTypes().stream().filter(t -> t.isAssignableTo(ResolvedPrincipal.class))
						.map(JavaClass::getSimpleName).toList())
				.sorted().toList();
		assertThat(handlers).containsExactly("csv[Admin]", "page[Admin]");
	}

	@Test
	void noHandlerTakesTheRawToolSession() {
		noMethods().that(HANDLER).should(new ArchCondition<>("take a raw ToolSession (use a resolved principal)") {
			@Override
			public void check(JavaMethod method, ConditionEvents events) {
				if (method.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(ToolSession.class))) {
					events.add(SimpleConditionEvent.satisfied(method, method.getFullName() + " takes a ToolSession"));
				}
			}
		}).check(CLASSES);
	}

	@Test
	void thePublicEndpointsAreExactlyTheListedOnes() {
		Set<String> found = new TreeSet<>();
		for (JavaClass type : CLASSES) {
			for (JavaMethod method : type.getMethods()) {
				if (HANDLER.test(method) && isPublic(method)) {
					found.add(method.isAnnotatedWith(PublicEndpoint.class) ? type.getName() + "#" + method.getName() : type.getName());
				}
			}
		}
		assertThat(found).containsExactlyInAnyOrderElementsOf(PUBLIC);
	}

	static boolean isPublic(JavaMethod method) {
		return method.isAnnotatedWith(PublicEndpoint.class) || method.getOwner().isAnnotatedWith(PublicEndpoint.class);
	}
}
