package io.shopops.growth.outreach;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests outside the package (the browser tests) run the outbox dispatcher by hand,
 * since it is off in tests.
 */
public final class OutreachTestSupport {

	private OutreachTestSupport() {
	}

	/**
	 * Runs the dispatcher once with the application's sender: starts due campaigns, sends
	 * every due message and closes finished campaigns.
	 * @param context the application context
	 */
	public static void dispatch(ApplicationContext context) {
		OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
		context.getBean(OutreachCampaigns.class).startDue(Instant.now());
		dispatcher.dispatch(dispatcher.sender(), Instant.now(), 100_000);
		context.getBean(OutreachCampaigns.class).finishSent();
	}

}
