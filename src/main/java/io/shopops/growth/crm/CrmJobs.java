package io.shopops.growth.crm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The nightly CRM jobs: points whose time has come expire, and tiers are recomputed
 * because their 12-month window moves. Both can also be run from the tiers page.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CrmJobs {

	private static final Logger log = LoggerFactory.getLogger(CrmJobs.class);

	private final PointsLedger points;

	private final TierRules tiers;

	CrmJobs(PointsLedger points, TierRules tiers) {
		this.points = points;
		this.tiers = tiers;
	}

	@Scheduled(cron = "${shopops.crm.nightly-cron:0 30 3 * * *}", zone = "${shopops.crm.nightly-zone:Asia/Shanghai}")
	void nightly() {
		long expired = this.points.expire();
		int changed = this.tiers.recomputeAll();
		log.info("CRM nightly: {} points expired, {} customers changed tier", expired, changed);
	}

}
