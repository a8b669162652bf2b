package io.shopops.growth.outreach;

import java.util.List;

/**
 * Queues one templated message for one customer through the outreach outbox, for the
 * other parts of growth that send messages on their own (lifecycle rules). The outbox's
 * sender delivers it; opt-out and the frequency cap are applied here, as for campaigns.
 */
public interface OutreachMessages {

	/**
	 * The templates a message can be queued with, by name.
	 * @return the active templates, never {@code null}
	 */
	List<TemplateOption> templates();

	/**
	 * Queues a message rendered from a template for a customer.
	 * @param customerId the CRM customer
	 * @param templateId the template
	 * @param origin who asks, kept with the message and shown in its history (for example
	 * {@code "lifecycle:12"})
	 * @return what happened
	 */
	QueueResult queue(long customerId, long templateId, String origin);

	/**
	 * A template as a picker lists it.
	 *
	 * @param id the template's id
	 * @param name its name
	 * @param channel its channel code ({@code sms}, {@code email}, {@code wechat})
	 */
	record TemplateOption(long id, String name, String channel) {
	}

	/** The outcome of {@link #queue}. */
	enum QueueResult {

		/** The message is in the outbox. */
		QUEUED,

		/** The customer opted out of the template's channel: nothing queued. */
		OPTED_OUT,

		/** The frequency cap was reached: nothing queued. */
		CAPPED,

		/**
		 * The customer has no phone, e-mail or WeChat id for the channel: nothing queued.
		 */
		NO_CONTACT,

		/** No active template with that id: nothing queued. */
		UNKNOWN_TEMPLATE

	}

}
