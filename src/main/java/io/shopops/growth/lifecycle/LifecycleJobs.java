package io.shopops.growth.lifecycle;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Evaluates the enabled lifecycle rules every hour at minute 20 (after the nightly RFM
 * recompute on its day), as {@code system}. {@code shopops.lifecycle.cron} changes the
 * schedule; {@code -} turns it off (the tests do).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LifecycleJobs {

	private static final Logger log = LoggerFactory.getLogger(LifecycleJobs.class);

	private final LifecycleEvaluator evaluator;

	LifecycleJobs(LifecycleEvaluator evaluator) {
		this.evaluator = evaluator;
	}

	@Scheduled(cron = "${shopops.lifecycle.cron:0 20 * * * *}", zone = "${shopops.lifecycle.zone:Asia/Shanghai}")
	void hourly() {
		List<LifecycleEvaluator.Run> runs = this.evaluator.evaluateAll(Instant.now(), "system");
		int acted = runs.stream().mapToInt(LifecycleEvaluator.Run::acted).sum();
		log.info("Lifecycle rules evaluated: {} rules, {} customers acted on", runs.size(), acted);
	}

}
