package org.badgebridge.infrastructure;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server-side request forgery rules, literal addresses only (no DNS needed). */
class AddressRulesUnitTest {

	final AddressRules publicOnly = AddressRules.publicOnly("");

	@ParameterizedTest
	@ValueSource(strings = { "http://[::127.0.0.1]/", "http://[::7f00:1]:3306/", "http://[::10.0.0.1]/", "http://[::]/",
			"http://[::ffff:127.0.0.1]/", "http://[64:ff9b::127.0.0.1]/", "http://[64:ff9b::10.1.2.3]/",
			"http://[64:ff9b::a9fe:a9fe]/latest/meta-data", "http://[64:ff9b::192.168.0.1]/", "http://[64:ff9b:1::8.8.8.8]/",
			"http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "http://198.18.0.1/",
			"http://198.19.255.254/", "http://127.0.0.1:3306/", "http://10.0.0.1/", "http://172.16.0.1/", "http://192.168.1.1/",
			"http://169.254.169.254/", "http://100.64.0.1/", "http://0.0.0.0/", "http://224.0.0.1/", "http://[fd00::1]/",
			"http://[fe80::1]/", "http://[::1]/" })
	void localAndHiddenAddressesAreRefused(String url) {
		assertThatThrownBy(() -> publicOnly.check(URI.create(url))).isInstanceOfSatisfying(OutgoingHttp.Failed.class,
				f -> assertThat(f.reason()).isEqualTo(OutgoingHttp.Failed.Reason.ADDRESS_REFUSED))
				.hasMessageContaining("private or local network");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://8.8.8.8/", "https://[64:ff9b::8.8.8.8]/", "https://[2606:4700:4700::1111]/",
			"https://198.17.255.1/", "https://198.20.0.1/", "https://[2002:808:808::]/" })
	void publicAddressesPass(String url) {
		assertThatCode(() -> publicOnly.check(URI.create(url))).doesNotThrowAnyException();
	}

	@Test
	void loopbackOnlyWhereAllowedAndAllowedHostsByName() throws Exception {
		AddressRules development = AddressRules.publicOrLoopback("", true);
		assertThatCode(() -> development.check(URI.create("http://127.0.0.1:8080/x"))).doesNotThrowAnyException();
		assertThatCode(() -> development.check(URI.create("http://[::127.0.0.1]/"))).doesNotThrowAnyException();
		assertThatThrownBy(() -> development.check(URI.create("http://10.0.0.1/"))).isInstanceOf(OutgoingHttp.Failed.class);
		assertThatCode(() -> AddressRules.publicOnly(" intranet.example , 10.0.0.1").check(URI.create("http://10.0.0.1/")))
				.doesNotThrowAnyException();
		assertThatThrownBy(() -> publicOnly.check(URI.create("ftp://8.8.8.8/"))).hasMessageContaining("Only http(s)");
		assertThatThrownBy(() -> publicOnly.check(URI.create("http://user@8.8.8.8/"))).hasMessageContaining("no usable host");
		assertThat(AddressRules.isPublic(InetAddress.getByName("1.1.1.1"))).isTrue();
	}
}
