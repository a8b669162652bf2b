package io.shopops.growth.outreach;

/**
 * Delivers one message of the outreach outbox to a provider (SMS gateway, mail server,
 * WeChat template API). The default sender writes each message to the log and appends it
 * to the file {@code shopops.outreach.outbox-file}; a real provider plugs in by declaring
 * a bean that implements this interface, which the dispatcher then uses instead.
 * <p>
 * The dispatcher calls it for one message at a time, holding that message's row, so the
 * same message is never handed to two senders at once. It may be called again for a
 * message whose earlier call failed.
 */
public interface MessageSender {

	/**
	 * Sends a message; returns normally when the provider accepted it.
	 * @param message the message, never {@code null}
	 * @throws Exception when the message could not be sent; its message is shown as the
	 * message's last error and the message is tried again later
	 */
	void send(OutboundMessage message) throws Exception;

	/**
	 * A message as a sender receives it.
	 *
	 * @param id the outbox row's id, stable across attempts (use it to deduplicate)
	 * @param channel {@code sms}, {@code email} or {@code wechat}
	 * @param address the phone number, e-mail address or WeChat id
	 * @param subject the e-mail subject, {@code null} for other channels
	 * @param body the rendered text
	 * @param customerId the CRM customer
	 * @param origin who queued it, e.g. {@code campaign:12}
	 * @param attempt this attempt's number, from 1
	 */
	record OutboundMessage(long id, String channel, String address, String subject, String body, long customerId,
			String origin, int attempt) {
	}

}
