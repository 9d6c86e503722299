package org.badgebridge.bench;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.badgebridge.BadgeBridgeApplication;
import org.badgebridge.badge.BadgeClass;
import org.badgebridge.badge.BadgeDetails;
import org.badgebridge.badge.Badges;
import org.badgebridge.support.HttpBrowser;
import org.badgebridge.support.FreePort;

/**
 * Benchmark (not a test; {@code ./mvnw -Pbench test -Dtest=CatalogueBenchmark}, needs {@code wrk}): {@code /catalogue}
 * with 1,000 listed badges (and 200 unlisted) under load from wrk (16 connections): the first page, a text search, a
 * filter and a page deep in the list. Prints medians of the runs for docs/benchmarks.md.
 */
class CatalogueBenchmark {

	static final int LISTED = Integer.getInteger("bench.badges", 1000);

	static final int RUNS = Integer.getInteger("bench.runs", 5);

	@Test
	void thousandListedBadges() throws Exception {
		int port = FreePort.find();
		String base = "http://localhost:" + port;
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(BadgeBridgeApplication.class)
				.web(WebApplicationType.SERVLET).profiles("test")
				.run("--server.port=" + port, "--badgebridge.public-url=" + base, "--logging.level.org.badgebridge=warn")) {
			Badges badges = app.getBean(Badges.class);
			for (int i = 0; i < LISTED + 200; i++) {
				BadgeClass b = badges.create("Badge " + i + (i % 10 == 0 ? " data literacy" : " welding"), "Described " + i, 1L, "t");
				badges.update(b.id(), b.name(), b.description(), new BadgeDetails(null, false, "- outcome " + i, (double) (1 + i % 8), "ECTS",
						String.valueOf(1 + i % 8), null, null, null, i % 3 == 0 ? "nl" : "en", null, null, null, null, null));
				badges.setInCatalogue(b.id(), i < LISTED);
			}
			String page = new HttpBrowser().get(base + "/catalogue").body();
			if (!page.contains("Page 1 of " + (LISTED + 23) / 24)) {
				throw new IllegalStateException("the catalogue does not list " + LISTED + " badges");
			}
			System.out.printf("%nBENCH /catalogue, %d listed badges, %d cores, wrk -t2 -c16 -d10s, %d runs each (median); first page %d bytes%n",
					LISTED, Runtime.getRuntime().availableProcessors(), RUNS, page.length());
			String[][] targets = { { "first page", base + "/catalogue" }, { "search \"data literacy\"", base + "/catalogue?q=data+literacy" },
					{ "EQF 5, Dutch, at most 6 ECTS", base + "/catalogue?eqf=5&language=nl&maxEcts=6" },
					{ "page 40 of 42", base + "/catalogue?page=40" } };
			for (String[] target : targets) {
				CredentialBenchmark.wrk(target[1], "text/html", 5); // warm-up
				List<CredentialBenchmark.Load> loads = new ArrayList<>();
				for (int run = 0; run < RUNS; run++) {
					loads.add(CredentialBenchmark.wrk(target[1], "text/html", 10));
				}
				List<Double> rps = loads.stream().map(CredentialBenchmark.Load::rps).sorted().toList();
				List<Double> p99 = loads.stream().map(CredentialBenchmark.Load::p99ms).sorted().toList();
				System.out.printf("BENCH %-32s median %8.0f req/s (runs %s), p99 median %.1f ms, load %s", target[0], rps.get(RUNS / 2),
						loads.stream().map(l -> Math.round(l.rps())).toList(), p99.get(RUNS / 2),
						java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")));
			}
		}
	}
}
