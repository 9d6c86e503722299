package org.badgebridge.verification;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import org.badgebridge.award.Awards;
import org.badgebridge.credential.BadgePngs;
import org.badgebridge.credential.CredentialDownloads;
import org.badgebridge.credential.CredentialFixtures;
import org.badgebridge.credential.DataIntegrity;
import org.badgebridge.credential.OpenBadges2;
import org.badgebridge.credential.OpenBadges3;
import org.badgebridge.credential.PngBaking;
import org.badgebridge.verification.internal.BadgeVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * "Verify a badge": our own credentials in every form (JSON, VC-JWT, baked PNG and SVG, link), other issuers'
 * credentials whose keys resolve offline, revocation and suspension, recipient checks, the SSRF rules, and
 * hostile input that gets a clear message after bounded work, with nothing stored.
 */
// the other issuer (WireMock) listens on 127.0.0.1: an admin allowed that host; "localhost" and [::1] stay refused
@SpringBootTest(properties = "badgebridge.verify.allowed-hosts=127.0.0.1")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(CredentialFixtures.class)
class BadgeVerifierIntegrationTest {

	static WireMockServer otherIssuer = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	@BeforeAll
	static void startOtherIssuer() {
		otherIssuer.start();
	}

	@AfterAll
	static void stopOtherIssuer() {
		otherIssuer.stop();
	}

	@Autowired
	CredentialFixtures fixtures;

	@Autowired
	BadgeVerifier verifier;

	@Autowired
	OpenBadges3 ob3;

	@Autowired
	Awards awards;

	@Autowired
	DataIntegrity integrity;

	@Autowired
	CredentialDownloads downloads;

	@Autowired
	OpenBadges2 ob2;

	@Autowired
	BadgePngs pngs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void ourCredentialIsValidInEveryFormAndItsStatusFollowsTheAward() throws Exception {
		CredentialFixtures.Made made = fixtures.claimedMicroCredential("sue@example.edu");
		OpenBadges3.Issued issued = ob3.issue(made.award().id());

		BadgeVerifier.Report json = verifier.verifyText(issued.json(), null);
		assertThat(json.verdict()).as(json.toString()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(json.format()).isEqualTo("Open Badges 3.0 credential");
		assertThat(json.badgeName()).isEqualTo("Data Literacy");
		assertThat(json.recipient()).as("the learner chose no name: the credential names nobody").isNull();
		assertThat(verifier.verifyText(issued.json(), "SUE@example.edu").checks()).anyMatch(c -> "Recipient".equals(c.what())
				&& Boolean.TRUE.equals(c.ok()));
		BadgeVerifier.Report wrongPerson = verifier.verifyText(issued.json(), "eve@example.edu");
		assertThat(wrongPerson.verdict()).isEqualTo(BadgeVerifier.Verdict.INVALID);
		assertThat(wrongPerson.summary()).contains("not issued to eve@example.edu");

		BadgeVerifier.Report tampered = verifier.verifyText(issued.json().replace("\"Data Literacy\"", "\"Data Mastery\""), null);
		assertThat(tampered.verdict()).isEqualTo(BadgeVerifier.Verdict.INVALID);
		assertThat(tampered.summary()).contains("changed after it was signed");

		assertThat(verifier.verifyText(issued.jwt(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(verifier.verifyText(issued.jwt(), null).format()).contains("VC-JWT");
		String forged = issued.jwt().substring(0, issued.jwt().lastIndexOf('.') + 1) + "AAAA";
		assertThat(verifier.verifyText(forged, null).verdict()).isEqualTo(BadgeVerifier.Verdict.INVALID);
		String header = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
		String unsigned = header + issued.jwt().substring(issued.jwt().indexOf('.'), issued.jwt().lastIndexOf('.') + 1);
		BadgeVerifier.Report none = verifier.verifyText(unsigned, null);
		assertThat(none.verdict()).isEqualTo(BadgeVerifier.Verdict.INVALID);
		assertThat(none.summary()).contains("alg \"none\"");

		byte[] png = downloads.bakedPng(issued).getBody();
		assertThat(verifier.verifyFile(png, null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);
		byte[] ob2Png = PngBaking.bake(pngs.medal(), PngBaking.KEYWORD, JSONObjectUtils.toJSONString(ob2.assertion(made.award().id()).orElseThrow()));
		BadgeVerifier.Report hosted = verifier.verifyFile(ob2Png, "sue@example.edu");
		assertThat(hosted.verdict()).as(hosted.toString()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(hosted.format()).isEqualTo("Open Badges 2.0 assertion");
		assertThat(verifier.verifyText("http://localhost:8080/ob2/assertions/" + made.award().id(), null).verdict())
				.isEqualTo(BadgeVerifier.Verdict.VALID);

		awards.suspend(made.award().id(), "teacher:3", "Appeal under review");
		assertThat(verifier.verifyText(issued.json(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.SUSPENDED);
		awards.reinstate(made.award().id(), "teacher:3");
		assertThat(verifier.verifyText(issued.json(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.VALID);

		awards.revoke(made.award().id(), "teacher:3", "Plagiarism found");
		BadgeVerifier.Report revoked = verifier.verifyText(issued.json(), null);
		assertThat(revoked.verdict()).isEqualTo(BadgeVerifier.Verdict.REVOKED);
		assertThat(revoked.summary()).contains("Revoked");
		assertThat(verifier.verifyText(issued.jwt(), null).verdict()).isEqualTo(BadgeVerifier.Verdict.REVOKED);
		BadgeVerifier.Report revokedOb2 = verifier.verifyFile(ob2Png, null);
		assertThat(revokedOb2.verdict()).isEqualTo(BadgeVerifier.Verdict.REVOKED);
		assertThat(revokedOb2.summary()).contains("Revoked").doesNotContain("Plagiarism found");
	}

	/** A credential of another issuer, signed with its own did:key. */
	String foreignCredential(Instant validUntil) throws Exception {
		OtherIssuers.Issuer other = OtherIssuers.didKey();
		Map<String, Object> c = OtherIssuers.credential(other.did(), "Other University", Map.of("id", "urn:uuid:5d1f0a2e-1f7b-4a55-9a53-0b8d1e6a0c12",
				"type", List.of("AchievementSubject"), "achievement", Map.of("id", "https://other.example/achievements/1", "type",
						List.of("Achievement"), "name", "Welding", "description", "Welds", "criteria", Map.of("narrative", "Welded"))));
		if (validUntil != null) {
			c.put("validUntil", validUntil.toString());
		}
		return integrity.sign(JSONObjectUtils.toJSONString(c), other.key(), Instant.parse("2025-01-01T00:00:00Z")).toString();
	}

	@Test
	void otherIssuersCredentialsAreCheckedWhenTheirKeysResolveOffline() throws Exception {
		BadgeVerifier.Report other = verifier.verifyText(foreignCredential(null), null);
		assertThat(other.checks()).as(other.toString()).anyMatch(c -> c.what().equals("Signature") && Boolean.TRUE.equals(c.ok()));
		assertThat(other.issuerName()).isEqualTo("Other University");
		assertThat(other.issuerId()).startsWith("did:key:z6Mk");
		assertThat(other.checks()).anyMatch(c -> c.what().equals("Status") && c.ok() == null);

		BadgeVerifier.Report expired = verifier.verifyText(foreignCredential(Instant.parse("2025-06-01T00:00:00Z")), null);
		assertThat(expired.verdict()).isEqualTo(BadgeVerifier.Verdict.EXPIRED);
		assertThat(expired.summary()).contains("Expired on 2025-06-01");

		String webIssuer = foreignCredential(null).replaceAll("did:key:(z6Mk[A-Za-z0-9]+)", "did:web:other.example");
		BadgeVerifier.Report unresolvable = verifier.verifyText(webIssuer, null);
		assertThat(unresolvable.verdict()).isEqualTo(BadgeVerifier.Verdict.UNKNOWN);
		assertThat(unresolvable.summary()).contains("could not be resolved offline");
	}

	@Test
	void aHostedAssertionOfAnotherIssuerIsFetchedOnlyFromAnAllowedHost() {
		String base = "http://127.0.0.1:" + otherIssuer.port();
		otherIssuer.stubFor(get(urlEqualTo("/a/1")).willReturn(aResponse().withHeader("Content-Type", "application/ld+json").withBody(
				"{\"@context\":\"https://w3id.org/openbadges/v2\",\"type\":\"Assertion\",\"id\":\"" + base + "/a/1\",\"recipient\":{\"type\":\"email\","
						+ "\"hashed\":true,\"salt\":\"deadsea\",\"identity\":\"" + OpenBadges2.hashedIdentity("alice@example.org", "deadsea") + "\"},"
						+ "\"badge\":\"" + base + "/b/1\",\"verification\":{\"type\":\"hosted\"},\"issuedOn\":\"2025-01-15T10:00:00Z\"}")));
		otherIssuer.stubFor(get(urlEqualTo("/b/1")).willReturn(aResponse().withBody("{\"type\":\"BadgeClass\",\"id\":\"" + base
				+ "/b/1\",\"name\":\"Welding\",\"issuer\":\"" + base + "/i/1\"}")));
		otherIssuer.stubFor(get(urlEqualTo("/i/1")).willReturn(aResponse().withBody("{\"type\":\"Issuer\",\"id\":\"" + base
				+ "/i/1\",\"name\":\"Other College\",\"url\":\"" + base + "\"}")));
		BadgeVerifier.Report report = verifier.verifyText(base + "/a/1", "alice@example.org");
		assertThat(report.verdict()).as(report.toString()).isEqualTo(BadgeVerifier.Verdict.VALID);
		assertThat(report.issuerName()).isEqualTo("Other College");
		assertThat(report.badgeName()).isEqualTo("Welding");

		int before = otherIssuer.getAllServeEvents().size();
		BadgeVerifier.Report loopback = verifier.verifyText("http://localhost:" + otherIssuer.port() + "/a/1", null);
		assertThat(loopback.verdict()).isEqualTo(BadgeVerifier.Verdict.UNKNOWN);
		assertThat(loopback.summary()).contains("private or local network");
		assertThat(verifier.verifyText("http://169.254.169.254/latest/meta-data/", null).summary()).contains("private or local network");
		assertThat(verifier.verifyText("http://10.0.0.1/x", null).summary()).contains("private or local network");
		assertThat(verifier.verifyText("http://[::1]:" + otherIssuer.port() + "/a/1", null).summary()).contains("private or local network");
		assertThat(otherIssuer.getAllServeEvents()).as("nothing fetched from refused hosts").hasSize(before);

		otherIssuer.stubFor(get(urlEqualTo("/redirect")).willReturn(aResponse().withStatus(302).withHeader("Location",
				"http://localhost:" + otherIssuer.port() + "/a/1")));
		assertThat(verifier.verifyText(base + "/redirect", null).summary()).as("redirects are checked too")
				.contains("private or local network");
	}

	static byte[] chunk(String type, byte[] data) {
		ByteBuffer b = ByteBuffer.allocate(12 + data.length);
		b.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
		CRC32 crc = new CRC32();
		crc.update(type.getBytes(StandardCharsets.US_ASCII));
		crc.update(data);
		b.putInt((int) crc.getValue());
		return b.array();
	}

	@Test
	void hostileInputGetsAClearMessageAndNothingIsStored() throws Exception {
		long rowsBefore = rows();
		byte[] medal = pngs.medal();
		byte[] head = Arrays.copyOf(medal, 33); // signature + IHDR

		assertThat(verifier.verifyFile("just some text".getBytes(StandardCharsets.UTF_8), null).summary()).contains("not a badge");
		assertThat(verifier.verifyFile(new byte[] { 1, 2, 3, 4, 5 }, null).verdict()).isEqualTo(BadgeVerifier.Verdict.UNKNOWN);

		byte[] huge = ByteBuffer.allocate(head.length + 12).put(head).putInt(0x7fffff00).put("iTXt".getBytes(StandardCharsets.US_ASCII))
				.array();
		assertThat(verifier.verifyFile(huge, null).summary()).contains("broken");

		ByteArrayOutputStream bomb = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(9);
		deflater.setInput(new byte[50 << 20]);
		deflater.finish();
		byte[] buffer = new byte[1 << 16];
		while (!deflater.finished()) {
			bomb.write(buffer, 0, deflater.deflate(buffer));
		}
		ByteArrayOutputStream itxt = new ByteArrayOutputStream();
		itxt.writeBytes("openbadges".getBytes(StandardCharsets.ISO_8859_1));
		itxt.writeBytes(new byte[] { 0, 1, 0, 0, 0 });
		itxt.writeBytes(bomb.toByteArray());
		ByteArrayOutputStream bombPng = new ByteArrayOutputStream();
		bombPng.writeBytes(head);
		bombPng.writeBytes(chunk("iTXt", itxt.toByteArray()));
		bombPng.writeBytes(Arrays.copyOfRange(medal, 33, medal.length));
		assertThat(bombPng.size()).as("a small file").isLessThan(200_000);
		assertThat(verifier.verifyFile(bombPng.toByteArray(), null).summary()).contains("more than 1 MB");

		byte[] damaged = PngBaking.bake(medal, PngBaking.KEYWORD, "{\"id\":\"x\"}");
		int at = new String(damaged, StandardCharsets.ISO_8859_1).indexOf("{\"id\"");
		damaged[at + 2] = 'X';
		assertThat(verifier.verifyFile(damaged, null).summary()).contains("damaged");

		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>&x;</text></svg>";
		assertThat(verifier.verifyFile(xxe.getBytes(StandardCharsets.UTF_8), null).summary()).contains("DTD");
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\">&lol2;</svg>";
		assertThat(verifier.verifyFile(laughs.getBytes(StandardCharsets.UTF_8), null).summary()).contains("DTD");
		String script = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\"><script>alert(1)</script>"
				+ "<openbadges:assertion verify=\"http://10.0.0.1/a\"/></svg>";
		assertThat(verifier.verifyFile(script.getBytes(StandardCharsets.UTF_8), null).summary()).as("never rendered; its link is not fetched")
				.contains("private or local network");

		String deep = "[".repeat(100_000) + "]".repeat(100_000);
		assertThat(verifier.verifyText("{\"a\":" + deep + "}", null).summary()).contains("nested more than 64");
		assertThat(verifier.verifyFile(new byte[(2 << 20) + 1], null).summary()).contains("larger than 2 MB");
		assertThat(verifier.verifyFile(new byte[] { 'P', 'K', 3, 4, 0, 0 }, null).summary()).contains("ZIP");
		assertThat(verifier.verifyText("{not json", null).summary()).contains("not valid JSON");

		String page = mvc.perform(multipart("/verify").file(new MockMultipartFile("file", "x.png", "image/png", huge))
				.with(org.badgebridge.support.Csrf.csrf()))
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"verdict\"", "broken");
		assertThat(rows()).as("nothing stored").isEqualTo(rowsBefore);
	}

	long rows() {
		return jdbc.sql("select (select count(*) from award) + (select count(*) from ob3_credential) + (select count(*) from mail_outbox)"
				+ " + (select count(*) from credential_key) + (select count(*) from award_log)").query(Long.class).single();
	}
}
