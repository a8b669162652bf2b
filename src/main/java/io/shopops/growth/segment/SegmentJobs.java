package io.shopops.growth.segment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly RFM recompute: recency moves every day even when nobody orders. It can also
 * be run from the RFM page. {@code shopops.segments.rfm-cron=-} turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SegmentJobs {

	private static final Logger log = LoggerFactory.getLogger(SegmentJobs.class);

	private final RfmScoring rfm;

	SegmentJobs(RfmScoring rfm) {
		this.rfm = rfm;
	}

	@Scheduled(cron = "${shopops.segments.rfm-cron:0 45 3 * * *}", zone = "${shopops.segments.rfm-zone:Asia/Shanghai}")
	void nightly() {
		RfmScoring.Run run = this.rfm.recompute("system");
		log.info("RFM recomputed: {} customers scored in {} ms", run.scored(), run.millis());
	}

}
