package io.shopops.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled catch-up of the KPI rollups: delivers again the dashboard's event
 * publications that failed, rebuilds the rollups when the shop's time zone changed, and
 * verifies the last days, rebuilding when they differ from the facts.
 */
@Component
class KpiCatchUp {

	private static final Logger log = LoggerFactory.getLogger(KpiCatchUp.class);

	static final int VERIFIED_DAYS = 35;

	private final KpiRollups rollups;

	private final KpiVerification verification;

	private final IncompleteEventPublications incomplete;

	private final ShopSettings settings;

	private final AuditLog audit;

	private final KpiCache cache;

	private final TransactionTemplate transaction;

	KpiCatchUp(KpiRollups rollups, KpiVerification verification, IncompleteEventPublications incomplete,
			ShopSettings settings, AuditLog audit, PlatformTransactionManager transactions, KpiCache cache) {
		this.cache = cache;
		this.transaction = new TransactionTemplate(transactions);
		this.rollups = rollups;
		this.verification = verification;
		this.incomplete = incomplete;
		this.settings = settings;
		this.audit = audit;
	}

	@Scheduled(initialDelayString = "${shopops.dashboard.catch-up-delay:PT2M}",
			fixedDelayString = "${shopops.dashboard.catch-up-interval:PT5M}")
	void run() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("The KPI catch-up failed; it runs again at its next interval", ex);
		}
	}

	/**
	 * Runs the catch-up once.
	 * @return what it did: {@code resubmitted}, {@code rebuilt}, {@code repaired} or
	 * {@code checked}
	 */
	String catchUp() {
		this.transaction.executeWithoutResult((status) -> this.cache.compact());
		Instant settled = Instant.now().minus(Duration.ofMinutes(2));
		this.incomplete
			.resubmitIncompletePublications((publication) -> publication.getPublicationDate().isBefore(settled)
					&& publication instanceof TargetEventPublication target
					&& target.getTargetIdentifier().getValue().startsWith(KpiRecorder.class.getName()));
		ZoneId shopZone = this.settings.current().timeZone();
		ZoneId rollupZone = this.rollups.zone();
		if (!shopZone.equals(rollupZone) || !this.rollups.spansBuilt()) {
			this.transaction.executeWithoutResult((status) -> {
				this.rollups.rebuild(shopZone);
				this.audit.record("KPI_ROLLUPS_REBUILT", "kpi", null, shopZone.equals(rollupZone) ? "buyer spans built"
						: "time zone " + rollupZone.getId() + " -> " + shopZone.getId());
			});
			return "rebuilt";
		}
		LocalDate today = LocalDate.now(shopZone);
		KpiVerification.Result result = this.verification
			.verify(new KpiRange(today.minusDays(VERIFIED_DAYS), today.plusDays(1)));
		if (!result.matches()) {
			log.warn("KPI rollups differed from their facts ({} figures); rebuilding", result.differences().size());
			this.transaction.executeWithoutResult((status) -> {
				this.rollups.rebuild(shopZone);
				this.audit.record("KPI_ROLLUPS_REPAIRED", "kpi", null,
						result.differences().size() + " differences in the last " + VERIFIED_DAYS + " days");
			});
			return "repaired";
		}
		return "checked";
	}

	/**
	 * Rebuilds the rollups from the facts, in the shop's current time zone, as an admin
	 * asked on the verification page.
	 */
	void rebuild() {
		ZoneId shopZone = this.settings.current().timeZone();
		this.transaction.executeWithoutResult((status) -> {
			this.rollups.rebuild(shopZone);
			this.audit.record("KPI_ROLLUPS_REBUILT", "kpi", null, "rebuilt by hand in " + shopZone.getId());
		});
	}

}
