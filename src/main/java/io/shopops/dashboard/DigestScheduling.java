package io.shopops.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;

/**
 * Schedules the digest's jobs by their cron expressions
 * ({@code shopops.dashboard.digest.cron}, {@code .alert-cron}, {@code .delivery-cron}),
 * in the shop's time zone as it is when the next run is planned (a changed time zone
 * takes effect from the run after next). {@code -} turns a job off. An expression that is
 * not valid stops the start.
 */
@Configuration(proxyBeanMethods = false)
class DigestScheduling implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DigestScheduling.class);

	private final DigestProperties properties;

	private final DigestJobs jobs;

	private final ShopSettings settings;

	DigestScheduling(DigestProperties properties, DigestJobs jobs, ShopSettings settings) {
		this.properties = properties;
		this.jobs = jobs;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		schedule(registrar, "digest", this.properties.cron(), this.jobs::runDigest);
		schedule(registrar, "alerts", this.properties.alertCron(), this.jobs::runAlerts);
		schedule(registrar, "deliveries", this.properties.deliveryCron(), this.jobs::runDeliveries);
	}

	private void schedule(ScheduledTaskRegistrar registrar, String name, String cron, Runnable job) {
		if (cron == null || cron.isBlank() || DigestProperties.OFF.equals(cron.strip())) {
			log.debug("The {} job of the digest is off", name);
			return;
		}
		CronExpression expression = CronExpression.parse(cron.strip());
		registrar.addTriggerTask(() -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				log.warn("The digest's {} job failed; it runs again at its next time", name, ex);
			}
		}, new ShopZoneTrigger(expression, () -> this.settings.current().timeZone()));
	}

	/**
	 * The next time of a cron expression in the shop's time zone.
	 */
	record ShopZoneTrigger(CronExpression expression, Supplier<ZoneId> zone) implements Trigger {

		@Override
		public Instant nextExecution(TriggerContext context) {
			Instant last = context.lastCompletion();
			Instant base = (last != null) ? last : context.getClock().instant();
			ZonedDateTime next = this.expression.next(base.atZone(this.zone.get()));
			return (next != null) ? next.toInstant() : null;
		}

	}

}
