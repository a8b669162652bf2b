package io.shopops.growth.outreach;

import java.time.Instant;

/**
 * A message template: its channel, subject (e-mail only) and body with variables.
 *
 * @param id its id
 * @param name its name, unique ignoring case
 * @param channel the channel
 * @param subject the e-mail subject, {@code null} for other channels
 * @param body the body with variables
 * @param active whether campaigns and lifecycle rules may use it
 * @param updatedAt last change
 * @param version the optimistic lock
 */
record MessageTemplate(long id, String name, OutreachChannel channel, String subject, String body, boolean active,
		Instant updatedAt, long version) {

	public int smsParts() {
		return TemplateRenderer.smsParts(this.body);
	}

}
