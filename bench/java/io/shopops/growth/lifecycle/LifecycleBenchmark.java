package io.shopops.growth.lifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import io.shopops.BenchMachine;
import io.shopops.TestUsers;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lifecycle benchmark, run on demand with
 * {@code ./mvnw -Pbench test -Dtest=LifecycleBenchmark}. It generates
 * {@code bench.customers} (default 1,000,000) customers straight into CRM's table with
 * {@code generate_series} (last orders spread evenly over 400 days, birthdays over the
 * year, one in ten tagged VIP), then times evaluations: a dormant-90-days task rule (its
 * first run acts on about 77% of them; the second changes nothing; the third sees 1% leave
 * and 0.5% enter), a birthday-month coupon rule (about 1 in 12 get a code) and a
 * saved-segment task rule (the VIP tag, read through {@code Segments.forEachBatch}). It
 * writes {@code bench/reports/lifecycle.md}; it asserts nothing about time.
 */
@SpringBootTest(properties = "logging.level.io.shopops=WARN")
class LifecycleBenchmark {

	private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LifecycleRules rules;

	@Autowired
	LifecycleEvaluator evaluator;

	@Autowired
	ShopSettings shop;

	@Autowired
	TestUsers users;

	private final List<String> report = new ArrayList<>();

	@Test
	void lifecycleAtScale() throws IOException {
		Instant began = Instant.now();
		line("# Lifecycle rules benchmark");
		line("");
		line("Run " + began.atOffset(ZoneOffset.UTC) + " on " + BenchMachine.machine() + ", Java "
				+ System.getProperty("java.version") + ", PostgreSQL "
				+ this.jdbc.sql("SHOW server_version").query(String.class).single()
				+ " on the same machine. Load average at the start: " + BenchMachine.loadAverage() + ".");
		line("");
		long generate = time(this::generate);
		line("Data: " + this.jdbc.sql("SELECT count(*) FROM customer").query(Long.class).single()
				+ " customers (last orders spread over 400 days, birthdays over the year, 10% tagged VIP), generated in "
				+ seconds(generate) + ".");
		line("");
		String assignee = this.users.create(Role.OPERATOR);
		long dormant = this.rules.create(LifecycleFixtures.taskRule(LifecycleTrigger.DORMANT, 90, List.of(), null,
				assignee, 30), "bench");
		line("| evaluation | entered | left | acted on | passed over | time |");
		line("|---|---:|---:|---:|---:|---:|");
		run("dormant 90 days → task, first run", dormant, Instant.now());
		run("dormant 90 days → task, again (nothing changed)", dormant, Instant.now());
		this.jdbc.sql("UPDATE customer SET last_order_at = now() WHERE name LIKE 'LC客户%' AND id % 100 = 0").update();
		this.jdbc.sql("""
				UPDATE customer SET last_order_at = now() - interval '95 days'
				WHERE name LIKE 'LC客户%' AND id % 200 = 1 AND last_order_at > now() - interval '90 days'""").update();
		run("dormant 90 days → task, after 1% ordered and 0.5% turned dormant", dormant, Instant.now());
		long coupon = LifecycleFixtures.coupon(this.jdbc);
		long birthday = this.rules.create(new LifecycleRule.Definition("bench birthday", LifecycleTrigger.BIRTHDAY_MONTH,
				null, List.of(), null, LifecycleAction.COUPON, coupon, null, null, null, null, 300, 30, true), "bench");
		run("birthday month → coupon code, first run", birthday, Instant.now());
		long segment = this.jdbc.sql("""
				INSERT INTO customer_segment (name, tags, created_by) VALUES ('bench VIP', 'VIP', 'bench') RETURNING id""")
			.query(Long.class)
			.single();
		long vip = this.rules.create(LifecycleFixtures.taskRule(LifecycleTrigger.SEGMENT, null, List.of(), segment,
				assignee, 30), "bench");
		run("saved segment (tag VIP) → task, first run", vip, Instant.now());
		run("saved segment (tag VIP) → task, again", vip, Instant.now());
		long loop = time(() -> this.rules.loop(this.rules.get(dormant)));
		line("");
		line("Closed loop of the dormant rule (reached, came back, GMV, coupon cost): " + millis(loop) + ".");
		line("");
		line("Finished in " + Duration.between(began, Instant.now()).toSeconds() + " s. Load average at the end: "
				+ BenchMachine.loadAverage() + ".");
		write();
	}

	private void run(String label, long ruleId, Instant now) {
		AtomicReference<LifecycleEvaluator.Run> run = new AtomicReference<>();
		long nanos = time(() -> run.set(this.evaluator.evaluate(ruleId, now, "bench")));
		LifecycleEvaluator.Run r = run.get();
		line("| " + label + " | " + r.entered() + " | " + r.left() + " | " + r.acted() + " | " + r.passedOver()
				+ " | **" + seconds(nanos) + "** |");
	}

	private void generate() {
		this.jdbc.sql("""
				INSERT INTO customer (name, first_order_at, last_order_at, order_count, paid_total, net_spend,
				                      birthday_month, birthday_day)
				SELECT 'LC客户' || g, now() - make_interval(days => g % 400 + 30), now() - make_interval(days => g % 400),
				       1 + g % 5, 100, 100, 1 + g % 12, 1 + g % 28
				FROM generate_series(1, :n) g""").param("n", CUSTOMERS).update();
		this.jdbc.sql("""
				INSERT INTO customer_tag (customer_id, tag) SELECT id, 'VIP' FROM customer
				WHERE name LIKE 'LC客户%' AND id % 10 = 3 ON CONFLICT DO NOTHING""").update();
		this.jdbc.sql("VACUUM ANALYZE customer").update();
		this.jdbc.sql("VACUUM ANALYZE customer_tag").update();
	}

	private static long time(Runnable action) {
		long start = System.nanoTime();
		action.run();
		return System.nanoTime() - start;
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
	}

	private static String seconds(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private void line(String text) {
		this.report.add(text);
	}

	private void write() throws IOException {
		Path dir = Path.of(System.getProperty("bench.report.dir", "bench/reports"));
		Files.createDirectories(dir);
		Files.write(dir.resolve("lifecycle.md"), this.report);
	}

}
