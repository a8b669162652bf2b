package io.shopops.growth.outreach;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the outbox dispatcher every {@code shopops.outreach.dispatch-interval} (15 s by
 * default); an interval of 0 turns it off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutreachJobs implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(OutreachJobs.class);

	private final OutreachProperties properties;

	private final OutboxDispatcher dispatcher;

	OutreachJobs(OutreachProperties properties, OutboxDispatcher dispatcher) {
		this.properties = properties;
		this.dispatcher = dispatcher;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.properties.dispatcherEnabled()) {
			log.info("Outreach dispatcher off (shopops.outreach.dispatch-interval={})",
					this.properties.dispatchInterval());
			return;
		}
		registrar.addFixedDelayTask(() -> {
			try {
				this.dispatcher.run();
			}
			catch (RuntimeException ex) {
				log.warn("Outreach dispatcher run failed", ex);
			}
		}, this.properties.dispatchInterval());
	}

}
