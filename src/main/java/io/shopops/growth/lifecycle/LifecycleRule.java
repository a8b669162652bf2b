package io.shopops.growth.lifecycle;

import java.time.Instant;
import java.util.List;

import io.shopops.growth.segment.RfmGroup;

/**
 * A lifecycle rule as stored.
 *
 * @param id its id
 * @param definition what it does
 * @param enabled whether evaluations act on it
 * @param lastRunAt when it was last evaluated, {@code null} if never
 * @param lastEntered customers who entered at the last evaluation
 * @param lastLeft customers who left at the last evaluation
 * @param lastActed customers acted on at the last evaluation
 * @param lastMillis how long the last evaluation took
 * @param createdBy who created it
 * @param createdAt when
 * @param version the optimistic lock's version
 */
record LifecycleRule(long id, Definition definition, boolean enabled, Instant lastRunAt, Integer lastEntered,
		Integer lastLeft, Integer lastActed, Long lastMillis, String createdBy, Instant createdAt, long version) {

	public String name() {
		return this.definition.name();
	}

	public LifecycleTrigger trigger() {
		return this.definition.trigger();
	}

	public LifecycleAction action() {
		return this.definition.action();
	}

	/**
	 * What a rule does, validated.
	 *
	 * @param name its name
	 * @param trigger its trigger
	 * @param triggerDays the trigger's days (new customer, dormant), else {@code null}
	 * @param rfmGroups the churn-risk trigger's groups, else empty
	 * @param segmentId the segment trigger's segment, else {@code null}
	 * @param action its action
	 * @param couponId the coupon action's coupon, else {@code null}
	 * @param taskTitle the task action's title, else {@code null}
	 * @param taskAssignee the task action's assignee, else {@code null}
	 * @param taskDueDays the task action's days until due, else {@code null}
	 * @param templateId the message action's template, else {@code null}
	 * @param cooldownDays the days within which a customer is acted on at most once
	 * @param returnDays the days after an action within which an order counts as "came
	 * back"
	 * @param actOnExisting whether the first evaluation acts on the customers already in
	 * the trigger (else it only notes them, and acts on later entries)
	 */
	record Definition(String name, LifecycleTrigger trigger, Integer triggerDays, List<RfmGroup> rfmGroups,
			Long segmentId, LifecycleAction action, Long couponId, String taskTitle, String taskAssignee,
			Integer taskDueDays, Long templateId, int cooldownDays, int returnDays, boolean actOnExisting) {

		Definition {
			rfmGroups = List.copyOf(rfmGroups);
		}

		/**
		 * A short text for the audit log.
		 * @return the summary
		 */
		String summary() {
			StringBuilder text = new StringBuilder(this.name).append(": ").append(this.trigger);
			if (this.triggerDays != null) {
				text.append(' ').append(this.triggerDays).append('d');
			}
			if (!this.rfmGroups.isEmpty()) {
				text.append(' ').append(this.rfmGroups);
			}
			if (this.segmentId != null) {
				text.append(" segment ").append(this.segmentId);
			}
			text.append(" -> ").append(this.action);
			if (this.couponId != null) {
				text.append(" coupon ").append(this.couponId);
			}
			if (this.taskAssignee != null) {
				text.append(" task for ").append(this.taskAssignee);
			}
			if (this.templateId != null) {
				text.append(" template ").append(this.templateId);
			}
			text.append(", cool-down ").append(this.cooldownDays).append('d');
			return (text.length() > 400) ? text.substring(0, 400) : text.toString();
		}

	}

}
