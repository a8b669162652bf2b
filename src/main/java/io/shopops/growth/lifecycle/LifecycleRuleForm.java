package io.shopops.growth.lifecycle;

import java.util.ArrayList;
import java.util.List;

import io.shopops.growth.segment.RfmGroup;

/**
 * The rule form as typed: numbers are strings, so that any input is shown again with what
 * is wrong with it.
 */
class LifecycleRuleForm {

	private String name;

	private String trigger;

	private String triggerDays;

	private List<String> rfmGroups = new ArrayList<>();

	private String segmentId;

	private String action;

	private String couponId;

	private String taskTitle;

	private String taskAssignee;

	private String taskDueDays = "1";

	private String templateId;

	private String cooldownDays = "30";

	private String returnDays = "30";

	private boolean actOnExisting = true;

	private long version;

	static LifecycleRuleForm empty() {
		LifecycleRuleForm form = new LifecycleRuleForm();
		form.trigger = LifecycleTrigger.DORMANT.name();
		form.triggerDays = "90";
		form.action = LifecycleAction.COUPON.name();
		form.rfmGroups = new ArrayList<>(List.of(RfmGroup.IMPORTANT_KEEP.name(), RfmGroup.IMPORTANT_WINBACK.name()));
		return form;
	}

	static LifecycleRuleForm of(LifecycleRule rule) {
		LifecycleRule.Definition d = rule.definition();
		LifecycleRuleForm form = new LifecycleRuleForm();
		form.name = d.name();
		form.trigger = d.trigger().name();
		form.triggerDays = text(d.triggerDays());
		form.rfmGroups = new ArrayList<>(d.rfmGroups().stream().map(Enum::name).toList());
		form.segmentId = text(d.segmentId());
		form.action = d.action().name();
		form.couponId = text(d.couponId());
		form.taskTitle = d.taskTitle();
		form.taskAssignee = d.taskAssignee();
		form.taskDueDays = (d.taskDueDays() != null) ? d.taskDueDays().toString() : "1";
		form.templateId = text(d.templateId());
		form.cooldownDays = Integer.toString(d.cooldownDays());
		form.returnDays = Integer.toString(d.returnDays());
		form.actOnExisting = d.actOnExisting();
		form.version = rule.version();
		return form;
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTrigger() {
		return this.trigger;
	}

	public void setTrigger(String trigger) {
		this.trigger = trigger;
	}

	public String getTriggerDays() {
		return this.triggerDays;
	}

	public void setTriggerDays(String triggerDays) {
		this.triggerDays = triggerDays;
	}

	public List<String> getRfmGroups() {
		return this.rfmGroups;
	}

	public void setRfmGroups(List<String> rfmGroups) {
		this.rfmGroups = (rfmGroups != null) ? rfmGroups : new ArrayList<>();
	}

	public String getSegmentId() {
		return this.segmentId;
	}

	public void setSegmentId(String segmentId) {
		this.segmentId = segmentId;
	}

	public String getAction() {
		return this.action;
	}

	public void setAction(String action) {
		this.action = action;
	}

	public String getCouponId() {
		return this.couponId;
	}

	public void setCouponId(String couponId) {
		this.couponId = couponId;
	}

	public String getTaskTitle() {
		return this.taskTitle;
	}

	public void setTaskTitle(String taskTitle) {
		this.taskTitle = taskTitle;
	}

	public String getTaskAssignee() {
		return this.taskAssignee;
	}

	public void setTaskAssignee(String taskAssignee) {
		this.taskAssignee = taskAssignee;
	}

	public String getTaskDueDays() {
		return this.taskDueDays;
	}

	public void setTaskDueDays(String taskDueDays) {
		this.taskDueDays = taskDueDays;
	}

	public String getTemplateId() {
		return this.templateId;
	}

	public void setTemplateId(String templateId) {
		this.templateId = templateId;
	}

	public String getCooldownDays() {
		return this.cooldownDays;
	}

	public void setCooldownDays(String cooldownDays) {
		this.cooldownDays = cooldownDays;
	}

	public String getReturnDays() {
		return this.returnDays;
	}

	public void setReturnDays(String returnDays) {
		this.returnDays = returnDays;
	}

	public boolean isActOnExisting() {
		return this.actOnExisting;
	}

	public void setActOnExisting(boolean actOnExisting) {
		this.actOnExisting = actOnExisting;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
